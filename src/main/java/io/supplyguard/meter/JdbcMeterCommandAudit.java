package io.supplyguard.meter;

import io.supplyguard.meter.MeterCommandAudit.MeterFrameRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit in tables meter_command and meter_command_frame, written row by row as a command runs,
 * each row in a transaction of its own; a frame row is written before its request is queued.
 */
final class JdbcMeterCommandAudit implements CommandAuditor, MeterCommandAudit {

    private static final int HEX_COLUMN = 700;
    private static final int TEXT_COLUMN = 500;

    private final JdbcClient jdbc;
    // the business clock (engine time), so a command sorts among the process steps that caused it
    private final Clock clock;

    // each row commits on its own, before the next frame goes out: no rollback of the calling job,
    // optimistic-locking failure or kill erases a frame that was sent
    private final TransactionTemplate ownTransaction;

    JdbcMeterCommandAudit(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public long begin(String busId, String address, String meterNo, String command, Requester requester) {
        return ownTransaction.execute(s -> {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO meter_command (bus_id, meter_address, meter_no, command, started_at, user_id,
                        process_instance_id, activity_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(busId, address, meterNo, command, utc(clock.instant()), requester.userId(),
                            requester.processInstanceId(), requester.activityId())
                    .update(key, "id");
            return key.getKey().longValue();
        });
    }

    @Override
    public long frameQueued(long commandId, String step, int attempt, String requestHex) {
        return ownTransaction.execute(s -> {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO meter_command_frame (command_id, step, attempt, request_hex, result, started_at, duration_ms)
                    VALUES (?, ?, ?, ?, 'QUEUED', ?, 0)""")
                    .params(commandId, step, attempt, clip(requestHex, HEX_COLUMN), utc(clock.instant()))
                    .update(key, "id");
            return key.getKey().longValue();
        });
    }

    @Override
    public void frameDone(long frameId, MeterFrameRecord f) {
        ownTransaction.executeWithoutResult(s -> jdbc.sql("""
                UPDATE meter_command_frame SET reply_hex = ?, result = ?, started_at = ?, duration_ms = ? WHERE id = ?""")
                .params(clip(f.replyHex(), HEX_COLUMN), clip(f.result(), TEXT_COLUMN), utc(f.startedAt()), f.durationMillis(),
                        frameId)
                .update());
    }

    @Override
    public void finish(long commandId, CommandOutcome outcome, String reason, long durationMillis) {
        ownTransaction.executeWithoutResult(s -> jdbc.sql("UPDATE meter_command SET outcome = ?, reason = ?, duration_ms = ? WHERE id = ?")
                .params(outcome == null ? null : outcome.name(), clip(reason, TEXT_COLUMN), durationMillis, commandId)
                .update());
    }

    @Override
    public List<MeterCommandRecord> listForMeter(String address) {
        Map<Long, List<MeterFrameRecord>> frames = jdbc.sql("""
                SELECT f.* FROM meter_command_frame f JOIN meter_command c ON c.id = f.command_id
                WHERE c.meter_address = ? ORDER BY f.id""")
                .param(address)
                .query((rs, n) -> Map.entry(rs.getLong("command_id"), frame(rs)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("SELECT * FROM meter_command WHERE meter_address = ? ORDER BY id")
                .param(address)
                .query((rs, n) -> command(rs, frames.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    @Override
    public List<UnfinishedCommand> unfinishedSwitching(Instant startedBefore) {
        return jdbc.sql("""
                SELECT c.*, (SELECT COUNT(*) FROM meter_command_frame f WHERE f.command_id = c.id AND f.step LIKE 'CONTROL_%')
                    AS control_frames
                FROM meter_command c
                WHERE c.outcome IS NULL AND c.reconciled_at IS NULL AND c.started_at < :before AND c.command IN (:switching)
                ORDER BY c.id""")
                .param("before", utc(startedBefore))
                .param("switching", java.util.Arrays.stream(ControlCommand.values()).map(Enum::name).toList())
                .query((rs, n) -> new UnfinishedCommand(rs.getLong("id"), rs.getString("bus_id"), rs.getString("meter_address"),
                        rs.getString("meter_no"), rs.getString("command"), rs.getString("process_instance_id"),
                        rs.getString("activity_id"), rs.getLong("control_frames") > 0))
                .list();
    }

    @Override
    public void markReconciled(long commandId, String reason, Instant at) {
        ownTransaction.executeWithoutResult(s -> jdbc.sql("UPDATE meter_command SET reason = ?, reconciled_at = ? WHERE id = ?")
                .params(clip(reason, TEXT_COLUMN), utc(at), commandId).update());
    }

    private static MeterCommandRecord command(ResultSet rs, List<MeterFrameRecord> frames) throws SQLException {
        return new MeterCommandRecord(rs.getLong("id"), rs.getString("bus_id"), rs.getString("meter_address"),
                rs.getString("meter_no"), rs.getString("command"), rs.getString("outcome"), rs.getString("reason"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(), rs.getObject("duration_ms", Long.class),
                rs.getString("user_id"), rs.getString("process_instance_id"), rs.getString("activity_id"), frames);
    }

    private static MeterFrameRecord frame(ResultSet rs) throws SQLException {
        return new MeterFrameRecord(rs.getString("step"), rs.getInt("attempt"), rs.getString("request_hex"),
                rs.getString("reply_hex"), rs.getString("result"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(), rs.getLong("duration_ms"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
