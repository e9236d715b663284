package io.supplyguard.account;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.springframework.context.ApplicationContext;

/** Books payments through the accounting module's own service (as {@code POST /api/payments} does), for the benchmark. */
public final class BenchmarkPayments {

    private final Payments payments;

    public BenchmarkPayments(ApplicationContext context) {
        this.payments = context.getBean(Payments.class);
    }

    /** Books a counter payment now; answers whether it cleared the arrears. */
    public boolean pay(String paymentId, String customerNo, BigDecimal amount, OffsetDateTime paidAt) {
        PaymentResult result = payments.book(new PaymentRequest(paymentId, customerNo, amount, paidAt, PaymentChannel.COUNTER));
        return result.arrears().signum() == 0;
    }
}
