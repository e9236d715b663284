package io.supplyguard.account;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code bill}: one row per bill id. */
@Repository
class BillRows {

    private final JdbcClient jdbc;

    BillRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(BillResult result, String digest) {
    }

    void insert(BillRequest b, BillResult r) {
        jdbc.sql("""
                INSERT INTO bill (bill_id, customer_no, amount, due_date, request_digest, balance_after,
                    arrears_after, booked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(b.billId(), b.customerNo(), b.amount(), b.dueDate(), b.digest(), r.balance(), r.arrears(),
                        r.bookedAt())
                .update();
    }

    Optional<Stored> find(String billId) {
        return jdbc.sql("SELECT * FROM bill WHERE bill_id = ?").param(billId)
                .query((rs, i) -> new Stored(new BillResult(
                        rs.getString("bill_id"),
                        rs.getString("customer_no"),
                        rs.getBigDecimal("amount"),
                        rs.getObject("due_date", LocalDate.class),
                        rs.getBigDecimal("balance_after"),
                        rs.getBigDecimal("arrears_after"),
                        rs.getObject("booked_at", OffsetDateTime.class),
                        false), rs.getString("request_digest")))
                .optional();
    }

    java.util.List<UnpaidBill> newestFirst(String customerNo) {
        return jdbc.sql("SELECT bill_id, amount, due_date FROM bill WHERE customer_no = ? ORDER BY due_date DESC, booked_at DESC")
                .param(customerNo)
                .query((rs, i) -> new UnpaidBill(rs.getString("bill_id"), rs.getBigDecimal("amount"),
                        rs.getObject("due_date", LocalDate.class)))
                .list();
    }
}
