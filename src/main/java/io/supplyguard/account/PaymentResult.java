package io.supplyguard.account;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A booked payment and what it triggered. A replay (same id, same body) answers the first
 * booking again with {@code replay = true} and triggers nothing.
 */
public record PaymentResult(
        String paymentId,
        String customerNo,
        BigDecimal amount,
        OffsetDateTime paidAt,
        PaymentChannel channel,
        BigDecimal balance,
        BigDecimal arrears,
        OffsetDateTime bookedAt,
        boolean replay,
        List<String> triggered) {

    /** The first booking answered again to a repeated request: nothing was booked or triggered now. */
    PaymentResult asReplay() {
        return new PaymentResult(paymentId, customerNo, amount, paidAt, channel, balance, arrears, bookedAt, true,
                List.of());
    }

    /** The payment event was published for the process modules (Message_PaymentReceived). */
    public static final String PAYMENT_RECEIVED = "PAYMENT_RECEIVED";
    /** The payment cleared all arrears: nothing is overdue any more. */
    public static final String ARREARS_CLEARED = "ARREARS_CLEARED";
    /** The balance is back at or above the warning threshold: the next dip warns again. */
    public static final String LOW_BALANCE_WARNING_REARMED = "LOW_BALANCE_WARNING_REARMED";
}
