package io.supplyguard.switching;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables switching_case, switching_fact and switching_decision. */
@Repository
class SwitchingRecords {

    record Case(String processInstanceId, String customerNo, String meterNo, OffsetDateTime startedAt) {
    }

    record Fact(long id, String processInstanceId, FactKind kind, String taskId, String recordedBy, OffsetDateTime occurredAt,
            OffsetDateTime recordedAt, String detail) {
    }

    private final JdbcClient jdbc;

    SwitchingRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void openCase(Case c) {
        jdbc.sql("INSERT INTO switching_case (process_instance_id, customer_no, meter_no, started_at) VALUES (?, ?, ?, ?)")
                .params(c.processInstanceId(), c.customerNo(), c.meterNo(), c.startedAt()).update();
    }

    Optional<Case> findCase(String processInstanceId) {
        return jdbc.sql("SELECT * FROM switching_case WHERE process_instance_id = ?").param(processInstanceId)
                .query((rs, i) -> new Case(rs.getString("process_instance_id"), rs.getString("customer_no"),
                        rs.getString("meter_no"), rs.getObject("started_at", OffsetDateTime.class)))
                .optional();
    }

    void addFact(String processInstanceId, FactKind kind, String taskId, String recordedBy, OffsetDateTime occurredAt,
            OffsetDateTime recordedAt, String detail) {
        jdbc.sql("""
                INSERT INTO switching_fact (process_instance_id, kind, task_id, recorded_by, occurred_at, recorded_at, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(processInstanceId, kind.name(), taskId, recordedBy, occurredAt, recordedAt, truncate(detail, 1000))
                .update();
    }

    /** The most recent fact of one of the kinds, by recording order. */
    Optional<Fact> latest(String processInstanceId, FactKind... kinds) {
        List<String> names = java.util.Arrays.stream(kinds).map(Enum::name).toList();
        return jdbc.sql("SELECT * FROM switching_fact WHERE process_instance_id = :pid AND kind IN (:kinds) ORDER BY id DESC")
                .param("pid", processInstanceId).param("kinds", names)
                .query((rs, i) -> new Fact(rs.getLong("id"), rs.getString("process_instance_id"),
                        FactKind.valueOf(rs.getString("kind")), rs.getString("task_id"), rs.getString("recorded_by"),
                        rs.getObject("occurred_at", OffsetDateTime.class), rs.getObject("recorded_at", OffsetDateTime.class),
                        rs.getString("detail")))
                .list().stream().findFirst();
    }

    void addDecision(String processInstanceId, String activityId, String customerNo, String meterNo, String command,
            boolean allowed, String reasonCode, String detail, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO switching_decision (process_instance_id, activity_id, customer_no, meter_no, command, allowed,
                    reason_code, detail, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(processInstanceId, activityId, customerNo, meterNo, command, allowed, reasonCode,
                        truncate(detail, 500), at)
                .update();
    }

    List<SwitchingDecisionView> decisionsOf(String customerNo) {
        return jdbc.sql("SELECT * FROM switching_decision WHERE customer_no = ? ORDER BY id").param(customerNo)
                .query((rs, i) -> new SwitchingDecisionView(rs.getString("process_instance_id"), rs.getString("activity_id"),
                        rs.getString("meter_no"), rs.getString("command"), rs.getBoolean("allowed"),
                        rs.getString("reason_code"), rs.getString("detail"), rs.getObject("decided_at", OffsetDateTime.class)))
                .list();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
