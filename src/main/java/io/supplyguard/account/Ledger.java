package io.supplyguard.account;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One account's money at a point in time, and the two ways it moves. Money is applied to the
 * oldest claim first: a payment clears arrears before it becomes credit, a charge (bill or prepaid
 * consumption) uses credit before it becomes arrears.
 *
 * @param balance           credit available (yuan)
 * @param arrears           amount owed (yuan, never negative)
 * @param overdueSince      due date of the oldest unpaid claim; null when nothing is owed
 * @param lowBalanceWarned  the low-balance warning for the current dip below the threshold went out
 */
record Ledger(BigDecimal balance, BigDecimal arrears, LocalDate overdueSince, boolean lowBalanceWarned) {

    Ledger pay(BigDecimal amount) {
        BigDecimal toArrears = amount.min(arrears);
        BigDecimal arrearsAfter = arrears.subtract(toArrears);
        return new Ledger(balance.add(amount.subtract(toArrears)), arrearsAfter,
                arrearsAfter.signum() == 0 ? null : overdueSince, lowBalanceWarned);
    }

    /** @param dueDate when the charged amount becomes overdue if credit does not cover it */
    Ledger charge(BigDecimal amount, LocalDate dueDate) {
        BigDecimal fromCredit = amount.min(balance.max(BigDecimal.ZERO));
        BigDecimal unpaid = amount.subtract(fromCredit);
        LocalDate overdue = overdueSince;
        if (unpaid.signum() > 0) {
            // the oldest unpaid due date stays the one the grace period counts from
            overdue = overdueSince == null || dueDate.isBefore(overdueSince) ? dueDate : overdueSince;
        }
        return new Ledger(balance.subtract(fromCredit), arrears.add(unpaid), overdue, lowBalanceWarned);
    }

    Ledger warned(boolean warned) {
        return new Ledger(balance, arrears, overdueSince, warned);
    }
}
