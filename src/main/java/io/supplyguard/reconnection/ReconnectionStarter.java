package io.supplyguard.reconnection;

import static io.supplyguard.reconnection.PaymentReconnectionVariables.*;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts {@code payment-reconnection} for a customer — never two at once: the customer row is
 * locked, running instances are checked, and the active marker of table {@code reconnection} is
 * unique in the database.
 */
@Service
public class ReconnectionStarter {

    private static final Logger log = LoggerFactory.getLogger(ReconnectionStarter.class);

    /** Why a reconnection starts. */
    public enum Trigger {
        PAYMENT, TRIP_CONFIRMED, SWEEP
    }

    /** The process that restores the customer and whether this call started it. */
    public record Start(String processInstanceId, boolean started) {
    }

    private final RuntimeService runtime;
    private final CustomerRegistry registry;
    private final ReconnectionRecords records;
    private final ReconnectionTimes times;

    ReconnectionStarter(RuntimeService runtime, CustomerRegistry registry, ReconnectionRecords records,
            ReconnectionTimes times) {
        this.runtime = runtime;
        this.registry = registry;
        this.records = records;
        this.times = times;
    }

    /**
     * Starts payment reconnection unless one runs. {@code paidAt} is when the arrears were paid
     * (SLA and "no overnight" deadlines count from it).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Start start(String customerNo, Trigger trigger, String paymentId, OffsetDateTime paidAt) {
        return doStart(customerNo, trigger, paymentId, paidAt);
    }

    /** The same, inside the caller's transaction (a process step such as the sweep). */
    @Transactional
    public Start startInCurrentTransaction(String customerNo, Trigger trigger, String paymentId, OffsetDateTime paidAt) {
        return doStart(customerNo, trigger, paymentId, paidAt);
    }

    private synchronized Start doStart(String customerNo, Trigger trigger, String paymentId, OffsetDateTime paidAt) {
        if (!records.lockCustomer(customerNo)) {
            throw new IllegalArgumentException("customer " + customerNo + " is not registered");
        }
        Optional<String> running = runningFor(customerNo);
        if (running.isPresent()) {
            log.info("payment reconnection of {} already runs as {}", customerNo, running.get());
            return new Start(running.get(), false);
        }
        CustomerView customer = registry.get(customerNo);
        OffsetDateTime now = times.now();
        OffsetDateTime paid = paidAt == null ? now : paidAt;
        Date paidDate = Date.from(paid.toInstant());
        Date deadline = times.overnightDeadline(paidDate);
        Map<String, Object> variables = new HashMap<>();
        variables.put(CUSTOMER_NO, customerNo);
        variables.put(DISTRICT, customer.district());
        variables.put(METER_NO, customer.meter() == null ? null : customer.meter().meterNo());
        variables.put(CLOSE_MODE, customer.meter() == null ? null : customer.meter().closeMode().name());
        variables.put(TRIGGER, trigger.name());
        variables.put(PAYMENT_ID, paymentId);
        variables.put(PAID_AT, paidDate);
        variables.put(OVERNIGHT_DEADLINE, deadline);
        String pid = runtime.createProcessInstanceByKey(PROCESS_ID)
                .businessKey(customerNo)
                .setVariables(variables)
                .execute()
                .getId();
        records.open(ReconnectionRecords.PAYMENT, trigger.name(), pid, customerNo, (String) variables.get(METER_NO),
                paymentId, paid, now, deadline.toInstant().atZone(times.clock().getZone()).toOffsetDateTime());
        log.info("payment reconnection of {} started as {} ({})", customerNo, pid, trigger);
        return new Start(pid, true);
    }

    /** The running payment reconnection of a customer, if any. */
    @Transactional
    public Optional<String> runningFor(String customerNo) {
        Optional<String> marked = records.activeProcessOf(ReconnectionRecords.PAYMENT, customerNo);
        if (marked.isPresent()) {
            if (runtime.createProcessInstanceQuery().processInstanceId(marked.get()).count() > 0) {
                return marked;
            }
            records.ended(marked.get(), times.now()); // deleted without its end listener: stale marker
        }
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(customerNo).list().stream().findFirst().map(p -> p.getId());
    }
}
