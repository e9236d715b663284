package io.supplyguard.account;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The payments booked on a customer's account since an instant (booking time, the server's clock):
 * what the switching kernel's payment rule ({@code payment-stops-cut}) is evaluated on.
 *
 * @param lastBookedAt null when there was none
 */
public record PaymentsSince(int count, BigDecimal total, OffsetDateTime lastBookedAt) {
}
