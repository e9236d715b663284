package io.supplyguard.account;

import io.supplyguard.customer.CustomerNotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books payments exactly once per payment id. The account row lock serialises concurrent payments
 * of one customer; the payment id's primary key turns a concurrent duplicate into a replay.
 */
@Service
class Payments {

    private final LedgerRows ledgers;
    private final PaymentRows payments;
    private final LowBalanceWarningPolicy warnings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Payments(LedgerRows ledgers, PaymentRows payments, FeeControlProperties properties,
            ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.ledgers = ledgers;
        this.payments = payments;
        this.warnings = new LowBalanceWarningPolicy(properties.warningThreshold());
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * @throws CustomerNotFoundException     when the customer has no account
     * @throws BookingConflictException when the id was booked with a different body
     */
    PaymentResult book(PaymentRequest request) {
        return OncePerId.book(() -> replayOf(request), transaction, () -> bookOnce(request));
    }

    Optional<PaymentResult> find(String paymentId) {
        return payments.find(paymentId).map(PaymentRows.Stored::result);
    }

    private Optional<PaymentResult> replayOf(PaymentRequest request) {
        return payments.find(request.paymentId()).map(stored -> {
            if (!stored.digest().equals(request.digest())) {
                throw BookingConflictException.otherBody("paymentId", request.paymentId());
            }
            return stored.result().asReplay();
        });
    }

    private PaymentResult bookOnce(PaymentRequest request) {
        String customerNo = request.customerNo();
        Ledger before = ledgers.lock(customerNo).orElseThrow(() -> new CustomerNotFoundException(customerNo));
        Ledger after = warnings.settle(before, before.pay(request.amount()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        ledgers.save(customerNo, after, now);
        ledgers.recordLastPayment(customerNo, request.paidAt(), request.amount());

        List<String> triggered = new ArrayList<>();
        triggered.add(PaymentResult.PAYMENT_RECEIVED);
        if (before.arrears().signum() > 0 && after.arrears().signum() == 0) {
            triggered.add(PaymentResult.ARREARS_CLEARED);
        }
        if (before.lowBalanceWarned() && !after.lowBalanceWarned()) {
            triggered.add(PaymentResult.LOW_BALANCE_WARNING_REARMED);
        }
        PaymentResult result = new PaymentResult(request.paymentId(), customerNo, request.amount(),
                request.paidAt(), request.channel(), after.balance(), after.arrears(), now, false, List.copyOf(triggered));
        payments.insert(request, result);
        // delivered to @TransactionalEventListener listeners once this booking has committed
        events.publishEvent(new PaymentReceived(request.paymentId(), customerNo, request.amount(),
                request.paidAt(), after.balance(), after.arrears()));
        return result;
    }
}
