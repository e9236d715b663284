package io.supplyguard.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A booked bill and the account after it; a replay answers the first booking again. */
public record BillResult(
        String billId,
        String customerNo,
        BigDecimal amount,
        LocalDate dueDate,
        BigDecimal balance,
        BigDecimal arrears,
        OffsetDateTime bookedAt,
        boolean replay) {

    BillResult asReplay() {
        return new BillResult(billId, customerNo, amount, dueDate, balance, arrears, bookedAt, true);
    }
}
