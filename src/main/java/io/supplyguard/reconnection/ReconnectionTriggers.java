package io.supplyguard.reconnection;

import io.supplyguard.account.PaymentReceived;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView;
import io.supplyguard.customer.RelayState;
import io.supplyguard.disconnection.SupplyDisconnected;
import io.supplyguard.reconnection.ReconnectionStarter.Start;
import io.supplyguard.reconnection.ReconnectionStarter.Trigger;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.supplyguard.infrastructure.events.AfterCommitEventsConfiguration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment reconnection starts at once (P7): when a payment leaves the customer owing nothing
 * while the meter is open, and when a trip is confirmed for a customer who paid while it was in
 * flight. Every payment and trip seen is recorded with the decision taken (KPIs, audit).
 */
@Component
class ReconnectionTriggers {

    private static final Logger log = LoggerFactory.getLogger(ReconnectionTriggers.class);

    private final CustomerRegistry registry;
    private final ReconnectionStarter starter;
    private final ReconnectionRecords records;
    private final ReconnectionTimes times;
    private final TransactionTemplate newTransaction;

    ReconnectionTriggers(CustomerRegistry registry, ReconnectionStarter starter,
            ReconnectionRecords records, ReconnectionTimes times, PlatformTransactionManager transactions) {
        this.registry = registry;
        this.starter = starter;
        this.records = records;
        this.times = times;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Async(AfterCommitEventsConfiguration.EXECUTOR)
    @TransactionalEventListener(fallbackExecution = true)
    void onPayment(PaymentReceived payment) {
        String decision;
        String pid = null;
        try {
            if (!payment.clearedArrears()) {
                decision = "ARREARS_REMAIN";
            } else if (!meterOpen(payment.customerNo())) {
                decision = "SUPPLY_ON";
            } else {
                Start start = starter.start(payment.customerNo(), Trigger.PAYMENT, payment.paymentId(), payment.paidAt());
                pid = start.processInstanceId();
                decision = start.started() ? "RECONNECTION_STARTED" : "RECONNECTION_RUNNING";
            }
        } catch (RuntimeException e) {
            // recorded, and rethrown: the publication stays incomplete and is resubmitted (sweep as last resort)
            log.error("payment {} of {}: reconnection not started", payment.paymentId(), payment.customerNo(), e);
            newTransaction.executeWithoutResult(s -> records.recordPayment(payment.paymentId(), payment.customerNo(),
                    payment.amount(), payment.paidAt(), payment.arrearsAfter(), "START_FAILED", null, times.now()));
            throw e;
        }
        String finalDecision = decision;
        String finalPid = pid;
        newTransaction.executeWithoutResult(s -> records.recordPayment(payment.paymentId(), payment.customerNo(),
                payment.amount(), payment.paidAt(), payment.arrearsAfter(), finalDecision, finalPid, times.now()));
    }

    /** Paid while the trip was in flight: reconnect right after the trip is confirmed. */
    @Async(AfterCommitEventsConfiguration.EXECUTOR)
    @TransactionalEventListener(fallbackExecution = true)
    void onSupplyDisconnected(SupplyDisconnected trip) {
        String decision;
        boolean guaranteed = false;
        try {
            CustomerView customer = registry.get(trip.customerNo());
            guaranteed = customer.meter() != null && customer.meter().powerGuarantee();
            if (customer.account() == null || customer.account().arrears().signum() > 0) {
                decision = "ARREARS_REMAIN";
            } else {
                OffsetDateTime paidAt = customer.account().lastPaymentAt();
                Start start = starter.start(trip.customerNo(), Trigger.TRIP_CONFIRMED, null, paidAt);
                decision = start.started() ? "RECONNECTION_STARTED" : "RECONNECTION_RUNNING";
            }
        } catch (RuntimeException e) {
            log.error("trip of {}: reconnection check failed", trip.customerNo(), e);
            decision = "START_FAILED";
        }
        String finalDecision = decision;
        boolean protectedCustomer = guaranteed;
        newTransaction.executeWithoutResult(s -> records.recordTrip(trip.customerNo(), trip.meterNo(),
                trip.processInstanceId(), trip.at() == null ? times.now() : trip.at(), protectedCustomer, finalDecision));
    }

    /**
     * Registry says OPEN, or UNKNOWN (a trip that may have gone out unconfirmed): either way the
     * reconnection starts (issue 14 item 6). Its close needs no status read first — closing a closed
     * relay is harmless and the read-back confirms it — so the payment does not wait on a bus.
     */
    private boolean meterOpen(String customerNo) {
        CustomerView customer = registry.get(customerNo);
        if (customer.meter() == null) {
            return false;
        }
        RelayState recorded = customer.meter().relayState();
        return recorded == RelayState.OPEN || recorded == RelayState.UNKNOWN;
    }
}
