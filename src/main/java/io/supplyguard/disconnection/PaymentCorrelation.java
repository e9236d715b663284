package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.account.PaymentReceived;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.supplyguard.infrastructure.events.AfterCommitEventsConfiguration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * P5: a payment that clears the arrears cancels a pending cut ({@code Message_PaymentReceived}
 * by customer number). Only disconnections that have not cut yet are addressed; after the trip
 * the payment is reconnection's business. Should correlation lose a race with a running job,
 * the re-verification right before the trip still sees the payment.
 */
@Component
class PaymentCorrelation {

    private static final Logger log = LoggerFactory.getLogger(PaymentCorrelation.class);
    private static final int ATTEMPTS = 3;

    private final RuntimeService runtime;

    PaymentCorrelation(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Async(AfterCommitEventsConfiguration.EXECUTOR)
    @TransactionalEventListener(fallbackExecution = true)
    void on(PaymentReceived payment) {
        if (!payment.clearedArrears()) {
            return;
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                // each attempt is its own engine command (own transaction) on the after-commit executor
                int correlated = runtime.createMessageCorrelation(MESSAGE_PAYMENT_RECEIVED)
                        .processInstanceBusinessKey(payment.customerNo())
                        .processInstanceVariableEquals(SUPPLY_CUT, false)
                        .setVariable("paymentId", payment.paymentId())
                        .setVariable("paidAt", payment.paidAt().toString())
                        .correlateAllWithResult().size();
                if (correlated > 0) {
                    log.info("payment {} ended the pending disconnection of customer {}", payment.paymentId(), payment.customerNo());
                }
                return;
            } catch (ProcessEngineException busy) {
                // lost a race with a job of the instance: an optimistic-locking failure, or the subscription found by the
                // query was removed before the correlation (the instance moved on); the next attempt queries afresh
                log.debug("disconnection of {} busy, retrying payment correlation ({}/{}): {}", payment.customerNo(), attempt,
                        ATTEMPTS, busy.getMessage());
            }
        }
        // the publication stays incomplete and is resubmitted; meanwhile the kernel's ledger check stops the cut
        throw new IllegalStateException("payment " + payment.paymentId() + " could not be correlated to the disconnection of "
                + payment.customerNo() + " after " + ATTEMPTS + " attempts");
    }
}
