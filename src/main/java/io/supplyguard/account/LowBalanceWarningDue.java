package io.supplyguard.account;

import java.math.BigDecimal;

/** Internal: a booking took a prepaid balance below the warning threshold. */
record LowBalanceWarningDue(String customerNo, BigDecimal balance, BigDecimal threshold) {
}
