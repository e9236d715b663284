package io.supplyguard.account;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code payment}: one row per payment id. */
@Repository
class PaymentRows {

    private final JdbcClient jdbc;

    PaymentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(PaymentResult result, String digest) {
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the id is booked already */
    void insert(PaymentRequest p, PaymentResult r) {
        jdbc.sql("""
                INSERT INTO payment (payment_id, customer_no, amount, paid_at, channel, request_digest,
                    balance_after, arrears_after, booked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.paymentId(), p.customerNo(), p.amount(), p.paidAt(), p.channel().name(), p.digest(),
                        r.balance(), r.arrears(), r.bookedAt())
                .update();
    }

    /** Booking time, not the channel's claimed {@code paid_at}: a backdated payment cannot reach into a disconnection. */
    PaymentsSince since(String customerNo, OffsetDateTime since) {
        return jdbc.sql("""
                SELECT COUNT(*) AS n, COALESCE(SUM(amount), 0) AS total, MAX(booked_at) AS last_booked_at FROM payment
                WHERE customer_no = ? AND booked_at >= ?""")
                .params(customerNo, since)
                .query((rs, i) -> new PaymentsSince(rs.getInt("n"), rs.getBigDecimal("total"),
                        rs.getObject("last_booked_at", OffsetDateTime.class)))
                .single();
    }

    Optional<Stored> find(String paymentId) {
        return jdbc.sql("SELECT * FROM payment WHERE payment_id = ?").param(paymentId)
                .query((rs, i) -> new Stored(new PaymentResult(
                        rs.getString("payment_id"),
                        rs.getString("customer_no"),
                        rs.getBigDecimal("amount"),
                        rs.getObject("paid_at", OffsetDateTime.class),
                        PaymentChannel.valueOf(rs.getString("channel")),
                        rs.getBigDecimal("balance_after"),
                        rs.getBigDecimal("arrears_after"),
                        rs.getObject("booked_at", OffsetDateTime.class),
                        false,
                        List.of()), rs.getString("request_digest")))
                .optional();
    }
}
