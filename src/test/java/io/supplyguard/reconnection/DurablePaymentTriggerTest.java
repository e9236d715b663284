package io.supplyguard.reconnection;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.account.PaymentReceived;
import io.supplyguard.customer.CloseMode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Issue 14 item 7: between a booked payment and its reconnection nothing lives only in memory.
 * The payment's event is stored in the booking's own transaction (Spring Modulith's publication
 * registry); a listener that did not complete leaves it stored, and resubmission (what the
 * registry also does at start-up) starts the reconnection.
 */
class DurablePaymentTriggerTest extends ReconnectionTestSupport {

    @Autowired IncompleteEventPublications incomplete;
    @Autowired ReconnectionStarter starter;

    long storedPublications(String paymentId) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
                .param("%" + paymentId + "%").query(Long.class).single();
    }

    @Test
    void thePaymentsTriggerCommitsWithTheBookingAndIsGoneOnceTheReconnectionRuns() {
        TestCustomer cut = customer(true, CloseMode.DIRECT_CLOSE, "80.00");
        String paymentId = UUID.randomUUID().toString();
        long storedInTheBooking = transaction.execute(s -> {
            book(cut.customerNo(), paymentId);
            return storedPublications(paymentId);
        });
        assertThat(storedInTheBooking).as("publications written by the booking's transaction").isPositive();

        afterCommit.awaitQuiet();
        assertThat(starter.runningFor(cut.customerNo())).isPresent();
        assertThat(storedPublications(paymentId)).isZero();
    }

    @Test
    void aTriggerWhoseListenerFailedStaysStoredAndStartsTheReconnectionWhenResubmitted() {
        // the listener fails: the payment's customer is not in the registry yet (a billing feed ahead of the registry)
        String customerNo = nextCustomerNo();
        String paymentId = UUID.randomUUID().toString();
        transaction.executeWithoutResult(s -> events.publishEvent(new PaymentReceived(paymentId, customerNo,
                new BigDecimal("80.00"), OffsetDateTime.ofInstant(ClockUtil.now().toInstant(), SHANGHAI), BigDecimal.ZERO,
                BigDecimal.ZERO)));
        afterCommit.awaitQuiet();
        assertThat(storedPublications(paymentId)).as("left for resubmission").isPositive();

        TestCustomer cut = customer(true, CloseMode.DIRECT_CLOSE, "0.00");
        assertThat(cut.customerNo()).isEqualTo(customerNo);
        incomplete.resubmitIncompletePublications(publication -> true);
        afterCommit.awaitQuiet();
        assertThat(starter.runningFor(cut.customerNo())).isPresent();
        assertThat(storedPublications(paymentId)).isZero();
    }

    /** What accounting's booking does: the ledger row and the event, in one transaction. */
    private void book(String customerNo, String paymentId) {
        OffsetDateTime paidAt = OffsetDateTime.ofInstant(ClockUtil.now().toInstant(), SHANGHAI);
        jdbc.sql("UPDATE account SET arrears = 0, last_payment_at = ?, last_payment_amount = 80 WHERE customer_no = ?")
                .params(paidAt, customerNo).update();
        events.publishEvent(new PaymentReceived(paymentId, customerNo, new BigDecimal("80.00"), paidAt, BigDecimal.ZERO,
                BigDecimal.ZERO));
    }
}
