package io.supplyguard.customer;

import io.supplyguard.customer.CustomerView.AccountView;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code account}: the registry opens it; payments and bills move it afterwards. */
@Repository
class AccountRows {

    private final JdbcClient jdbc;

    AccountRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void open(String customerNo, CustomerRegistration.Account a, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO account (customer_no, balance, arrears, overdue_since, updated_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(customerNo, a.balance(), a.arrears(), a.overdueSince(), now).update();
    }

    Optional<AccountView> find(String customerNo) {
        return jdbc.sql("SELECT * FROM account WHERE customer_no = ?").param(customerNo)
                .query((rs, i) -> new AccountView(
                        rs.getBigDecimal("balance"),
                        rs.getBigDecimal("arrears"),
                        rs.getObject("overdue_since", LocalDate.class),
                        rs.getObject("last_payment_at", OffsetDateTime.class),
                        rs.getBigDecimal("last_payment_amount")))
                .optional();
    }

    static boolean sameOpening(AccountView current, CustomerRegistration.Account requested) {
        return current.balance().compareTo(requested.balance()) == 0
                && current.arrears().compareTo(requested.arrears()) == 0
                && java.util.Objects.equals(current.overdueSince(), requested.overdueSince());
    }
}
