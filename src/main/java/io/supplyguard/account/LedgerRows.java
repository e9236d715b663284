package io.supplyguard.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code account} (opened by the registry): locked, read and written by bookings. */
@Repository
class LedgerRows {

    private final JdbcClient jdbc;

    LedgerRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the account row: bookings of one customer apply one after the other. */
    Optional<Ledger> lock(String customerNo) {
        return jdbc.sql("""
                SELECT balance, arrears, overdue_since, low_balance_warned FROM account
                WHERE customer_no = ? FOR UPDATE""")
                .param(customerNo)
                .query((rs, i) -> new Ledger(rs.getBigDecimal("balance"), rs.getBigDecimal("arrears"),
                        rs.getObject("overdue_since", LocalDate.class), rs.getBoolean("low_balance_warned")))
                .optional();
    }

    void save(String customerNo, Ledger ledger, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE account SET balance = ?, arrears = ?, overdue_since = ?, low_balance_warned = ?, updated_at = ?
                WHERE customer_no = ?""")
                .params(ledger.balance(), ledger.arrears(), ledger.overdueSince(), ledger.lowBalanceWarned(), now,
                        customerNo)
                .update();
    }

    void rearmWarning(String customerNo) {
        jdbc.sql("UPDATE account SET low_balance_warned = FALSE WHERE customer_no = ?").param(customerNo).update();
    }

    void recordLastPayment(String customerNo, OffsetDateTime paidAt, BigDecimal amount) {
        jdbc.sql("""
                UPDATE account SET last_payment_at = ?, last_payment_amount = ?
                WHERE customer_no = ? AND (last_payment_at IS NULL OR last_payment_at <= ?)""")
                .params(paidAt, amount, customerNo, paidAt).update();
    }

    Optional<AccountStatus> status(String customerNo) {
        return status(customerNo, "");
    }

    /** The same row lock as {@link #lock}: a switching decision and a booking of one customer never interleave. */
    Optional<AccountStatus> lockStatus(String customerNo) {
        return status(customerNo, " FOR UPDATE");
    }

    private Optional<AccountStatus> status(String customerNo, String lock) {
        return jdbc.sql("SELECT * FROM account WHERE customer_no = ?" + lock).param(customerNo)
                .query((rs, i) -> new AccountStatus(customerNo, rs.getBigDecimal("balance"),
                        rs.getBigDecimal("arrears"), rs.getObject("overdue_since", LocalDate.class),
                        rs.getObject("last_payment_at", OffsetDateTime.class)))
                .optional();
    }
}
