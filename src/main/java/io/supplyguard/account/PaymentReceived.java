package io.supplyguard.account;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Published (Spring application event, after commit) when a payment has been booked. The process
 * modules correlate it as {@code Message_PaymentReceived} by customer number.
 */
public record PaymentReceived(
        String paymentId,
        String customerNo,
        BigDecimal amount,
        OffsetDateTime paidAt,
        BigDecimal balanceAfter,
        BigDecimal arrearsAfter) {

    public boolean clearedArrears() {
        return arrearsAfter.signum() == 0;
    }
}
