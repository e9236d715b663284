package io.supplyguard.reconnection;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tables of V7__reconnection.sql. */
@Repository
class ReconnectionRecords {

    static final String PAYMENT = "PAYMENT";
    static final String EMERGENCY = "EMERGENCY";

    private final JdbcClient jdbc;

    ReconnectionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String activeKey(String kind, String customerNo) {
        return kind + ":" + customerNo;
    }

    /** Locks the customer row: concurrent starters for one customer queue here (H2 and PostgreSQL). */
    boolean lockCustomer(String customerNo) {
        return jdbc.sql("SELECT customer_no FROM customer WHERE customer_no = ? FOR UPDATE")
                .param(customerNo).query(String.class).optional().isPresent();
    }

    Optional<String> activeProcessOf(String kind, String customerNo) {
        return jdbc.sql("SELECT process_instance_id FROM reconnection WHERE active_key = ?")
                .param(activeKey(kind, customerNo)).query(String.class).optional();
    }

    long open(String kind, String trigger, String processInstanceId, String customerNo, String meterNo,
            String paymentId, OffsetDateTime paidAt, OffsetDateTime startedAt, OffsetDateTime deadline) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO reconnection (kind, trigger_source, process_instance_id, customer_no, meter_no,
                    payment_id, paid_at, started_at, deadline_at, active_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(kind, trigger, processInstanceId, customerNo, meterNo, paymentId, paidAt, startedAt,
                        deadline, activeKey(kind, customerNo))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void recordRemoteOutcome(String processInstanceId, String outcome, String reason) {
        jdbc.sql("UPDATE reconnection SET remote_outcome = ?, remote_reason = ? WHERE process_instance_id = ?")
                .params(outcome, truncate(reason, 200), processInstanceId).update();
    }

    /** @return seconds from payment (or emergency report) to restoration */
    long recordRestored(String processInstanceId, OffsetDateTime restoredAt, String restoredBy) {
        OffsetDateTime paidAt = jdbc.sql("SELECT paid_at FROM reconnection WHERE process_instance_id = ?")
                .param(processInstanceId).query(OffsetDateTime.class).single();
        long seconds = Math.max(0, Duration.between(paidAt, restoredAt).getSeconds());
        jdbc.sql("""
                UPDATE reconnection SET restored_at = ?, restored_by = ?, seconds_to_restore = ?
                WHERE process_instance_id = ? AND restored_at IS NULL""")
                .params(restoredAt, restoredBy, seconds, processInstanceId).update();
        return seconds;
    }

    void ended(String processInstanceId, OffsetDateTime at) {
        jdbc.sql("UPDATE reconnection SET ended_at = ?, active_key = NULL WHERE process_instance_id = ? AND ended_at IS NULL")
                .params(at, processInstanceId).update();
    }

    // field orders

    void openFieldOrder(String taskId, String processInstanceId, String customerNo, String district, String reason,
            OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO reconnection_field_order (task_id, process_instance_id, customer_no, district, reason, opened_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(taskId, processInstanceId, customerNo, district, truncate(reason, 200), at).update();
    }

    void closeFieldOrder(String taskId, String result, String remark, String userId, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE reconnection_field_order SET closed_at = ?, result = ?, remark = ?, closed_by = ?
                WHERE task_id = ? AND closed_at IS NULL""")
                .params(at, result, truncate(remark, 1000), userId, taskId).update();
    }

    boolean hasOpenFieldOrder(String customerNo) {
        return jdbc.sql("SELECT COUNT(*) FROM reconnection_field_order WHERE customer_no = ? AND closed_at IS NULL")
                .param(customerNo).query(Long.class).single() > 0;
    }

    // payments and trips

    void recordPayment(String paymentId, String customerNo, BigDecimal amount, OffsetDateTime paidAt,
            BigDecimal arrearsAfter, String decision, String processInstanceId, OffsetDateTime at) {
        int updated = jdbc.sql("UPDATE reconnection_payment SET decision = ?, process_instance_id = ? WHERE payment_id = ?")
                .params(decision, processInstanceId, paymentId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO reconnection_payment (payment_id, customer_no, amount, paid_at, arrears_after,
                        decision, process_instance_id, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(paymentId, customerNo, amount, paidAt, arrearsAfter, decision, processInstanceId, at)
                    .update();
        }
    }

    void recordTrip(String customerNo, String meterNo, String processInstanceId, OffsetDateTime at,
            boolean protectedCustomer, String decision) {
        jdbc.sql("""
                INSERT INTO reconnection_trip (customer_no, meter_no, process_instance_id, tripped_at,
                    protected_customer, decision)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(customerNo, meterNo, processInstanceId, at, protectedCustomer, decision).update();
    }

    // sweeps and the report

    /** A customer whose meter is recorded open while the account owes nothing. */
    record DisconnectedWithoutArrears(String customerNo, String name, String district, String meterNo,
            OffsetDateTime relayConfirmedAt, OffsetDateTime lastPaymentAt, String reconnectionProcessId,
            boolean fieldOrderOpen) {
    }

    /**
     * A reconnection restored the customer after the relay was last recorded: "close allowed"
     * was granted and the relay waits for the customer's button (it stays recorded OPEN).
     */
    private static final String RESTORED_SINCE_RECORDED_OPEN = """
            SELECT 1 FROM reconnection r
            WHERE r.customer_no = c.customer_no AND r.restored_at IS NOT NULL
              AND (m.relay_confirmed_at IS NULL OR r.restored_at >= m.relay_confirmed_at)""";

    /** Restored: relay recorded closed, or "close allowed" granted since it was recorded open. */
    boolean restored(String customerNo) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM customer c
                JOIN meter_binding b ON b.active_customer_no = c.customer_no
                JOIN meter m ON m.meter_no = b.active_meter_no
                WHERE c.customer_no = ? AND (m.relay_state = 'CLOSED' OR EXISTS (""" + RESTORED_SINCE_RECORDED_OPEN + "))")
                .param(customerNo).query(Long.class).single() > 0;
    }

    List<DisconnectedWithoutArrears> disconnectedWithoutArrears() {
        return jdbc.sql("""
                SELECT c.customer_no, c.name, c.district, m.meter_no, m.relay_confirmed_at, a.last_payment_at,
                    (SELECT r.process_instance_id FROM reconnection r WHERE r.active_key = CONCAT('PAYMENT:', c.customer_no)) AS pid,
                    (SELECT COUNT(*) FROM reconnection_field_order f WHERE f.customer_no = c.customer_no AND f.closed_at IS NULL) AS open_orders
                FROM customer c
                JOIN meter_binding b ON b.active_customer_no = c.customer_no
                JOIN meter m ON m.meter_no = b.active_meter_no
                JOIN account a ON a.customer_no = c.customer_no
                WHERE m.relay_state = 'OPEN' AND a.arrears = 0
                  AND NOT EXISTS (""" + RESTORED_SINCE_RECORDED_OPEN + ") ORDER BY c.district, c.customer_no")
                .query((rs, i) -> new DisconnectedWithoutArrears(
                        rs.getString("customer_no"), rs.getString("name"), rs.getString("district"),
                        rs.getString("meter_no"), rs.getObject("relay_confirmed_at", OffsetDateTime.class),
                        rs.getObject("last_payment_at", OffsetDateTime.class), rs.getString("pid"),
                        rs.getLong("open_orders") > 0))
                .list();
    }

    long openSweep(String processInstanceId, OffsetDateTime at, int listed) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO reconnection_sweep (process_instance_id, ran_at, listed_count) VALUES (?, ?, ?)")
                .params(processInstanceId, at, listed).update(keys, "id");
        return keys.getKey().longValue();
    }

    void addSweepItem(long sweepId, DisconnectedWithoutArrears item) {
        jdbc.sql("""
                INSERT INTO reconnection_sweep_item (sweep_id, customer_no, name, district, meter_no, last_payment_at,
                    reconnection_process_id, newly_started)
                VALUES (?, ?, ?, ?, ?, ?, ?, FALSE)""")
                .params(sweepId, item.customerNo(), item.name(), item.district(), item.meterNo(), item.lastPaymentAt(),
                        item.reconnectionProcessId())
                .update();
    }

    record SweepItem(String customerNo, String name, String district, String meterNo, String reconnectionProcessId,
            boolean newlyStarted) {
    }

    List<SweepItem> sweepItems(long sweepId) {
        return jdbc.sql("SELECT * FROM reconnection_sweep_item WHERE sweep_id = ? ORDER BY district, customer_no")
                .param(sweepId)
                .query((rs, i) -> new SweepItem(rs.getString("customer_no"), rs.getString("name"),
                        rs.getString("district"), rs.getString("meter_no"), rs.getString("reconnection_process_id"),
                        rs.getBoolean("newly_started")))
                .list();
    }

    void sweepItemStarted(long sweepId, String customerNo, String processInstanceId, boolean newlyStarted) {
        jdbc.sql("""
                UPDATE reconnection_sweep_item SET reconnection_process_id = ?, newly_started = ?
                WHERE sweep_id = ? AND customer_no = ?""")
                .params(processInstanceId, newlyStarted, sweepId, customerNo).update();
    }

    void sweepPublished(long sweepId, OffsetDateTime at) {
        jdbc.sql("UPDATE reconnection_sweep SET published_at = ? WHERE id = ?").params(at, sweepId).update();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
