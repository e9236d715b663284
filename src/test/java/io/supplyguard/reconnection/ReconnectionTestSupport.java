package io.supplyguard.reconnection;

import io.supplyguard.switching.SwitchingQueueProbe;
import io.supplyguard.account.PaymentReceived;
import io.supplyguard.customer.CloseMode;
import io.supplyguard.customer.ContactRole;
import io.supplyguard.customer.ContactStatus;
import io.supplyguard.customer.CustomerRegistration;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.RelayState;
import io.supplyguard.customer.UsageClass;
import io.supplyguard.disconnection.SupplyDisconnected;
import io.supplyguard.meter.MeterSimulation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import io.supplyguard.testsupport.AfterCommitEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Shared fixture of the reconnection process tests: registry customers with simulated meters
 * (through {@link MeterSimulation}, so the tests run unchanged on the real simulator), payments
 * and trips published as the accounting and disconnection modules publish them, jobs driven by
 * hand (job executor off), time moved with {@link ClockUtil}.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class ReconnectionTestSupport {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger NEXT = new AtomicInteger(
            (int) (UUID.randomUUID().getMostSignificantBits() & 0xFFFF) * 1000);

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired CustomerRegistry registry;
    @Autowired MeterSimulation simulation;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;
    @Autowired AfterCommitEvents afterCommit;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    record TestCustomer(String customerNo, String meterNo, String busId, String address, String district) {
    }

    /** A customer with a simulated meter, recorded and physically {@code relayOpen}, owing {@code arrears}. */
    TestCustomer customer(boolean relayOpen, CloseMode closeMode, String arrears) {
        int n = NEXT.incrementAndGet();
        String customerNo = String.format("37%08d", n % 100_000_000);
        String meterNo = String.format("5%011d", n);
        String busId = "bus-" + (1 + n % 2); // the simulated buses the meter module configures (bus-1, bus-2)
        String district = "TQ-R" + (n % 5);
        registry.register(new CustomerRegistration(customerNo, "测试客户" + n, "沛县复电路 " + n + " 号",
                UsageClass.RESIDENTIAL, null, district, LocalDate.of(2024, 3, 1), null, false, null, null,
                List.of(new CustomerRegistration.Contact("13800138000", ContactRole.OWNER, ContactStatus.VALID,
                        OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).minusDays(30), "COUNTER")), // verified recently: SMS go to it
                new CustomerRegistration.Meter(meterNo, meterNo, busId, null, null, null, closeMode,
                        relayOpen ? RelayState.OPEN : RelayState.CLOSED),
                new CustomerRegistration.Account(BigDecimal.ZERO, new BigDecimal(arrears),
                        new BigDecimal(arrears).signum() > 0 ? LocalDate.of(2026, 9, 1) : null)));
        simulation.install(busId, meterNo, meterNo, relayOpen);
        return new TestCustomer(customerNo, meterNo, busId, meterNo, district);
    }

    /** The number the next {@link #customer} call registers (to pay for a customer not registered yet). */
    static String nextCustomerNo() {
        return String.format("37%08d", (NEXT.get() + 1) % 100_000_000);
    }

    TestCustomer disconnectedCustomer() {
        return customer(true, CloseMode.DIRECT_CLOSE, "0.00");
    }

    /** Books a payment as accounting does (account row, then the event after commit). */
    void pay(TestCustomer c, String amount, String arrearsAfter) {
        OffsetDateTime paidAt = OffsetDateTime.ofInstant(ClockUtil.now().toInstant(), SHANGHAI);
        transaction.executeWithoutResult(s -> {
            jdbc.sql("UPDATE account SET arrears = ?, last_payment_at = ?, last_payment_amount = ?, updated_at = ? WHERE customer_no = ?")
                    .params(new BigDecimal(arrearsAfter), paidAt, new BigDecimal(amount), paidAt, c.customerNo()).update();
            events.publishEvent(new PaymentReceived(UUID.randomUUID().toString(), c.customerNo(), new BigDecimal(amount),
                    paidAt, BigDecimal.ZERO, new BigDecimal(arrearsAfter)));
        });
        afterCommit.awaitQuiet();
    }

    /** A disconnection process confirmed a trip: relay open on the meter and in the registry, then the event. */
    void tripConfirmed(TestCustomer c) {
        simulation.forceRelay(c.busId(), c.address(), true);
        transaction.executeWithoutResult(s -> {
            registry.recordRelayState(c.meterNo(), RelayState.OPEN);
            events.publishEvent(new SupplyDisconnected(c.customerNo(), c.meterNo(), "disconnection-pid",
                    OffsetDateTime.ofInstant(ClockUtil.now().toInstant(), SHANGHAI)));
        });
        afterCommit.awaitQuiet();
    }

    static void at(String isoOffsetDateTime) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant()));
    }

    static void later(java.time.Duration d) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.now().getTime() + d.toMillis()));
    }

    /** Runs every job of the process that is executable now (async continuations, due timers) until none is left. */
    void executeDueJobs(String processInstanceId) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                // a switching step waits for the bus dispatcher; its result may bring new jobs
                SwitchingQueueProbe.awaitDelivered(jdbc, null);
                due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            }
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
            }
        }
        throw new AssertionError("jobs keep coming for " + processInstanceId);
    }

    String relayState(TestCustomer c) {
        return registry.get(c.customerNo()).meter().relayState().name();
    }

    boolean meterOpen(TestCustomer c) {
        return simulation.status(c.busId(), c.address()).relayOpen();
    }
}
