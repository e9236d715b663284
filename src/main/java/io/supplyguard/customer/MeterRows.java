package io.supplyguard.customer;

import io.supplyguard.customer.CustomerView.BindingView;
import io.supplyguard.customer.CustomerView.MeterView;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code meter} and {@code meter_binding} (bindings keep their history). */
@Repository
class MeterRows {

    private final JdbcClient jdbc;

    MeterRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(CustomerRegistration.Meter m) {
        int updated = jdbc.sql("""
                UPDATE meter SET comm_address = ?, bus_id = ?, password_level = ?, meter_password = ?,
                    operator_code = ?, close_mode = ?
                WHERE meter_no = ?""")
                .params(m.commAddress(), m.busId(), m.passwordLevel(), m.password(), m.operatorCode(),
                        m.closeMode().name(), m.meterNo())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO meter (meter_no, comm_address, bus_id, password_level, meter_password,
                        operator_code, close_mode)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(m.meterNo(), m.commAddress(), m.busId(), m.passwordLevel(), m.password(),
                            m.operatorCode(), m.closeMode().name())
                    .update();
        }
    }

    void recordRelayState(String meterNo, RelayState state, OffsetDateTime confirmedAt) {
        jdbc.sql("UPDATE meter SET relay_state = ?, relay_confirmed_at = ? WHERE meter_no = ?")
                .params(state.name(), confirmedAt, meterNo).update();
    }

    void recordPowerGuarantee(String meterNo, boolean on) {
        jdbc.sql("UPDATE meter SET power_guarantee = ? WHERE meter_no = ?").params(on, meterNo).update();
    }

    /** The meter answering to a communication address on a bus (unique per bus). */
    Optional<String> meterAt(String busId, String commAddress) {
        return jdbc.sql("SELECT meter_no FROM meter WHERE bus_id = ? AND comm_address = ?")
                .params(busId, commAddress).query(String.class).optional();
    }

    Optional<String> customerActivelyBoundTo(String meterNo) {
        return jdbc.sql("SELECT customer_no FROM meter_binding WHERE active_meter_no = ?")
                .param(meterNo).query(String.class).optional();
    }

    Optional<String> activeMeterOf(String customerNo) {
        return jdbc.sql("SELECT meter_no FROM meter_binding WHERE active_customer_no = ?")
                .param(customerNo).query(String.class).optional();
    }

    void bind(String customerNo, String meterNo, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO meter_binding (customer_no, meter_no, valid_from, active_meter_no, active_customer_no)
                VALUES (?, ?, ?, ?, ?)""")
                .params(customerNo, meterNo, now, meterNo, customerNo).update();
    }

    void endActiveBinding(String customerNo, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE meter_binding SET valid_to = ?, active_meter_no = NULL, active_customer_no = NULL
                WHERE active_customer_no = ?""")
                .params(now, customerNo).update();
    }

    Optional<MeterView> activeMeterView(String customerNo) {
        return jdbc.sql("""
                SELECT m.* FROM meter m JOIN meter_binding b ON b.active_meter_no = m.meter_no
                WHERE b.active_customer_no = ?""")
                .param(customerNo)
                .query((rs, i) -> new MeterView(
                        rs.getString("meter_no"),
                        rs.getString("comm_address"),
                        rs.getString("bus_id"),
                        rs.getString("protocol"),
                        rs.getString("password_level"),
                        rs.getString("meter_password"),
                        rs.getString("operator_code"),
                        CloseMode.valueOf(rs.getString("close_mode")),
                        RelayState.valueOf(rs.getString("relay_state")),
                        rs.getObject("relay_confirmed_at", OffsetDateTime.class),
                        rs.getBoolean("power_guarantee")))
                .optional();
    }

    List<BindingView> bindings(String customerNo) {
        return jdbc.sql("SELECT meter_no, valid_from, valid_to FROM meter_binding WHERE customer_no = ? ORDER BY valid_from, id")
                .param(customerNo)
                .query((rs, i) -> new BindingView(rs.getString("meter_no"),
                        rs.getObject("valid_from", OffsetDateTime.class), rs.getObject("valid_to", OffsetDateTime.class)))
                .list();
    }

    List<BoundMeter> boundAt(String commAddress) {
        return jdbc.sql("""
                SELECT m.meter_no, m.comm_address, m.bus_id, c.customer_no, c.billing_mode
                FROM meter m
                JOIN meter_binding b ON b.active_meter_no = m.meter_no
                JOIN customer c ON c.customer_no = b.active_customer_no
                WHERE m.comm_address = ? ORDER BY m.bus_id""")
                .param(commAddress)
                .query((rs, i) -> new BoundMeter(rs.getString("meter_no"), rs.getString("comm_address"),
                        rs.getString("bus_id"), rs.getString("customer_no"),
                        BillingMode.valueOf(rs.getString("billing_mode"))))
                .list();
    }
}
