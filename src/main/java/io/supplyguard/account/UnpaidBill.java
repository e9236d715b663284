package io.supplyguard.account;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A bill the arrears still contain (newest first: payments settle the oldest first). */
public record UnpaidBill(String billId, BigDecimal amount, LocalDate dueDate) {
}
