package io.supplyguard.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A customer's fee-control account right now: what re-verification before a cut looks at (P5). */
public record AccountStatus(
        String customerNo,
        BigDecimal balance,
        BigDecimal arrears,
        LocalDate overdueSince,
        OffsetDateTime lastPaymentAt) {

    public boolean owes() {
        return arrears.signum() > 0;
    }
}
