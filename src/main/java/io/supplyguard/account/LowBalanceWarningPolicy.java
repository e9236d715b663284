package io.supplyguard.account;

import java.math.BigDecimal;

/**
 * Warn a prepaid customer once each time the available balance drops below the threshold, not on
 * every reading below it; a balance back at or above the threshold re-arms the warning.
 */
final class LowBalanceWarningPolicy {

    private final BigDecimal threshold;

    LowBalanceWarningPolicy(BigDecimal threshold) {
        this.threshold = threshold;
    }

    BigDecimal threshold() {
        return threshold;
    }

    /** Whether the move from {@code before} to {@code after} must send the warning. */
    boolean mustWarn(Ledger before, Ledger after) {
        return isLow(after) && !before.lowBalanceWarned();
    }

    /** The account after the move, with the warning state it implies. */
    Ledger settle(Ledger before, Ledger after) {
        return after.warned(isLow(after) && (before.lowBalanceWarned() || mustWarn(before, after)));
    }

    private boolean isLow(Ledger ledger) {
        return ledger.balance().compareTo(threshold) < 0;
    }
}
