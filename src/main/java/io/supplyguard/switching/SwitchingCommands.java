package io.supplyguard.switching;

import io.supplyguard.meter.CommandOutcome;
import io.supplyguard.meter.CommandResult;
import io.supplyguard.meter.ControlCommand;
import io.supplyguard.meter.RelayStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table switching_command: the kernel's durable queue. QUEUED (handed over by a waiting step) →
 * RUNNING (a bus owner's dispatcher has it) → DONE (result recorded) → DELIVERED (the waiting
 * execution was signalled, or is gone).
 */
@Repository
class SwitchingCommands {

    /** Reconnections and power guarantee: ahead of every cut, in the queue and on the bus. */
    static final int URGENT = 100;
    static final int ROUTINE = 10;

    record QueuedCommand(long id, SwitchingRequest request, String executionId, String busId, int priority, int attempts,
            String node) {

        boolean urgent() {
            return priority >= URGENT;
        }
    }

    private final JdbcClient jdbc;

    SwitchingCommands(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long enqueue(SwitchingRequest request, String executionId, String busId, OffsetDateTime now) {
        int priority = request.urgent() ? URGENT : ROUTINE;
        // an execution waits for one command: a job retried after a crash replaces its own queued command
        jdbc.sql("UPDATE switching_command SET state = 'DELIVERED', delivered_at = ?, reason = 'superseded by a retry of the step' "
                        + "WHERE execution_id = ? AND state = 'QUEUED'")
                .params(now, executionId).update();
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO switching_command (process_instance_id, execution_id, activity_id, command, bus_id, priority, state,
                    submitted_at) VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', ?)""")
                .params(request.processInstanceId(), executionId, request.activityId(), request.name(), busId, priority, now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Takes up to {@code limit} queued commands of a bus, most urgent first; only those at or above {@code minPriority}. */
    List<QueuedCommand> claim(String busId, int minPriority, int limit, String node, OffsetDateTime now) {
        if (limit <= 0) {
            return List.of();
        }
        List<QueuedCommand> candidates = jdbc.sql("""
                SELECT * FROM switching_command WHERE bus_id = ? AND state = 'QUEUED' AND priority >= ?
                ORDER BY priority DESC, id FETCH FIRST %d ROWS ONLY""".formatted(limit))
                .params(busId, minPriority).query(SwitchingCommands::queued).list();
        List<QueuedCommand> claimed = new ArrayList<>();
        for (QueuedCommand c : candidates) {
            int taken = jdbc.sql("UPDATE switching_command SET state = 'RUNNING', node = ?, started_at = ?, attempts = attempts + 1 "
                    + "WHERE id = ? AND state = 'QUEUED'").params(node, now, c.id()).update();
            if (taken == 1) {
                claimed.add(new QueuedCommand(c.id(), c.request(), c.executionId(), c.busId(), c.priority(), c.attempts() + 1, node));
            }
        }
        return claimed;
    }

    /** A bus's commands left RUNNING by a node that no longer owns it go back to the queue (run again through the checks). */
    int requeueRunning(String busId) {
        return jdbc.sql("UPDATE switching_command SET state = 'QUEUED', node = NULL WHERE bus_id = ? AND state = 'RUNNING'")
                .param(busId).update();
    }

    /**
     * Records the result of a command this node runs; false if it is no longer this node's (the
     * bus changed owner and the new owner queued it again): then the result is not this node's to give.
     */
    boolean finish(QueuedCommand command, SwitchingOutcome outcome, OffsetDateTime now) {
        Refusal refusal = outcome.refusal();
        CommandResult result = outcome.result();
        RelayStatus status = result == null ? null : result.status();
        return jdbc.sql("""
                UPDATE switching_command SET state = 'DONE', finished_at = ?, refusal_code = ?, refusal_detail = ?, outcome = ?,
                    reason = ?, relay_open = ?, command_open = ?, pre_trip_alarm = ?, power_guarantee = ?, meter_no_read = ?,
                    audit_id = ? WHERE id = ? AND state = 'RUNNING' AND node = ?""")
                .params(now, refusal == null ? null : refusal.code(), refusal == null ? null : truncate(refusal.detail()),
                        result == null ? null : result.outcome().name(), result == null ? null : truncate(result.reason()),
                        status == null ? null : status.relayOpen(), status == null ? null : status.commandOpen(),
                        status == null ? null : status.preTripAlarm(), status == null ? null : status.powerGuarantee(),
                        result == null ? null : result.meterNo(), result == null ? null : result.auditId(), command.id(),
                        command.node())
                .update() == 1;
    }

    void delivered(long id, OffsetDateTime now) {
        jdbc.sql("UPDATE switching_command SET state = 'DELIVERED', delivered_at = ? WHERE id = ? AND state = 'DONE'")
                .params(now, id).update();
    }

    /** The result the execution waits for (the DONE command it handed over), marked DELIVERED in the caller's transaction. */
    Optional<SwitchingOutcome> takeResult(String executionId, OffsetDateTime now) {
        List<Long> ids = jdbc.sql("SELECT id FROM switching_command WHERE execution_id = ? AND state = 'DONE' ORDER BY id DESC")
                .param(executionId).query(Long.class).list();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        long id = ids.get(0);
        if (jdbc.sql("UPDATE switching_command SET state = 'DELIVERED', delivered_at = ? WHERE id = ? AND state = 'DONE'")
                .params(now, id).update() != 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM switching_command WHERE id = ?").param(id).query(SwitchingCommands::outcome).optional();
    }

    /** The recorded result of a command once it is finished (DONE or DELIVERED). */
    Optional<SwitchingOutcome> outcomeIfFinished(long id) {
        return jdbc.sql("SELECT * FROM switching_command WHERE id = ? AND state IN ('DONE', 'DELIVERED')").param(id)
                .query(SwitchingCommands::outcome).optional();
    }

    Optional<String> activityOf(long id) {
        return jdbc.sql("SELECT activity_id FROM switching_command WHERE id = ?").param(id).query(String.class).optional();
    }

    /** Results not yet delivered (the signal failed, or the node died in between), oldest first. */
    List<Undelivered> undelivered(OffsetDateTime finishedBefore, int limit) {
        return jdbc.sql("SELECT id, execution_id FROM switching_command WHERE state = 'DONE' AND finished_at < ? ORDER BY id "
                        + "FETCH FIRST %d ROWS ONLY".formatted(limit))
                .param(finishedBefore).query((rs, i) -> new Undelivered(rs.getLong("id"), rs.getString("execution_id"))).list();
    }

    record Undelivered(long id, String executionId) {
    }

    private static QueuedCommand queued(ResultSet rs, int row) throws SQLException {
        return new QueuedCommand(rs.getLong("id"), new SwitchingRequest(rs.getString("process_instance_id"),
                rs.getString("activity_id"), SwitchingRequest.commandNamed(rs.getString("command"))), rs.getString("execution_id"),
                rs.getString("bus_id"), rs.getInt("priority"), rs.getInt("attempts"), rs.getString("node"));
    }

    private static SwitchingOutcome outcome(ResultSet rs, int row) throws SQLException {
        String refusalCode = rs.getString("refusal_code");
        Refusal refusal = refusalCode == null ? null : Refusal.of(refusalCode, rs.getString("refusal_detail"));
        String outcome = rs.getString("outcome");
        CommandResult result = null;
        if (outcome != null) {
            RelayStatus status = rs.getObject("relay_open") == null ? null : new RelayStatus(rs.getBoolean("relay_open"),
                    rs.getBoolean("command_open"), rs.getBoolean("pre_trip_alarm"), rs.getBoolean("power_guarantee"));
            long auditId = rs.getLong("audit_id");
            result = new CommandResult(CommandOutcome.valueOf(outcome), rs.getString("reason"), status, rs.getString("meter_no_read"),
                    null, rs.wasNull() ? null : auditId);
        }
        return new SwitchingOutcome(refusal, result);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
