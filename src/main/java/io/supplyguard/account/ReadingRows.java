package io.supplyguard.account;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code meter_reading}: one row per meter and reading time. */
@Repository
class ReadingRows {

    private final JdbcClient jdbc;

    ReadingRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReadingResult> at(String meterNo, OffsetDateTime readAt) {
        return jdbc.sql("SELECT * FROM meter_reading WHERE meter_no = ? AND read_at = ?")
                .params(meterNo, readAt).query(ReadingRows::map).optional();
    }

    Optional<ReadingResult> latest(String meterNo) {
        return jdbc.sql("SELECT * FROM meter_reading WHERE meter_no = ? ORDER BY read_at DESC FETCH FIRST 1 ROWS ONLY")
                .param(meterNo).query(ReadingRows::map).optional();
    }

    void insert(ReadingResult r, OffsetDateTime bookedAt) {
        jdbc.sql("""
                INSERT INTO meter_reading (meter_no, customer_no, read_at, kwh, consumed_kwh, tariff, cost,
                    balance_after, arrears_after, booked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.meterNo(), r.customerNo(), r.readAt(), r.kWh(), r.consumedKwh(), r.tariff(), r.cost(),
                        r.balance(), r.arrears(), bookedAt)
                .update();
    }

    private static ReadingResult map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ReadingResult(rs.getString("meter_no"), rs.getString("customer_no"),
                rs.getObject("read_at", OffsetDateTime.class), rs.getBigDecimal("kwh"),
                rs.getBigDecimal("consumed_kwh"), rs.getBigDecimal("tariff"), rs.getBigDecimal("cost"),
                rs.getBigDecimal("balance_after"), rs.getBigDecimal("arrears_after"), false, true);
    }
}
