package io.supplyguard.disconnection;

import io.supplyguard.switching.SwitchingQueueProbe;
import io.supplyguard.account.PaymentReceived;
import io.supplyguard.customer.CloseMode;
import io.supplyguard.customer.ContactRole;
import io.supplyguard.customer.ContactStatus;
import io.supplyguard.customer.CustomerRegistration;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.ImportanceGrade;
import io.supplyguard.customer.RelayState;
import io.supplyguard.customer.SafetyReason;
import io.supplyguard.customer.UsageClass;
import io.supplyguard.identity.Roles;
import io.supplyguard.meter.MeterSimulation;
import io.supplyguard.testsupport.AfterCommitEvents;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Customers, payments, clock and jobs for the disconnection process tests. */
@Component
public class DisconnectionFixture {

    /** A Tuesday inside the execution window, in the business time zone. */
    public static final OffsetDateTime TUESDAY_10_00 = OffsetDateTime.parse("2026-12-01T10:00:00+08:00");
    public static final String BUS = "bus-1";

    private static final AtomicInteger SEQUENCE = new AtomicInteger(1);

    private final CustomerRegistry registry;
    private final MeterSimulation meters;
    private final ManagementService management;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final AfterCommitEvents afterCommit;

    public DisconnectionFixture(CustomerRegistry registry, MeterSimulation meters, ManagementService management, JdbcClient jdbc,
            ApplicationEventPublisher events, TransactionTemplate transactions, AfterCommitEvents afterCommit) {
        this.registry = registry;
        this.meters = meters;
        this.management = management;
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        this.afterCommit = afterCommit;
    }

    public record TestCustomer(String customerNo, String meterNo, String address) {
    }

    /** A residential customer with a signed agreement, a recently verified contact and 235.50 overdue since October. */
    public TestCustomer customer(UnaryOperator<CustomerRegistration> adjust) {
        int n = SEQUENCE.getAndIncrement();
        String customerNo = String.format("33%08d", n);
        String meterNo = String.format("4400%08d", n);
        String address = String.format("5500%08d", n);
        CustomerRegistration registration = new CustomerRegistration(customerNo, "测试客户" + n, "测试路" + n + "号",
                UsageClass.RESIDENTIAL, null, "TQ-T01", LocalDate.of(2025, 3, 1), ImportanceGrade.NONE, false, null, null,
                List.of(new CustomerRegistration.Contact("13800001234", ContactRole.OWNER, ContactStatus.VALID,
                        OffsetDateTime.parse("2026-11-01T09:00:00+08:00"), "TEST")),
                new CustomerRegistration.Meter(meterNo, address, BUS, null, null, null, CloseMode.DIRECT_CLOSE, RelayState.CLOSED),
                new CustomerRegistration.Account(BigDecimal.ZERO, new BigDecimal("235.50"), LocalDate.of(2026, 10, 1)));
        registry.register(adjust.apply(registration));
        meters.install(BUS, address, meterNo, false);
        return new TestCustomer(customerNo, meterNo, address);
    }

    public TestCustomer customer() {
        return customer(r -> r);
    }

    public static CustomerRegistration withoutAgreement(CustomerRegistration r) {
        return new CustomerRegistration(r.customerNo(), r.name(), r.address(), r.usageClass(), r.billingMode(), r.district(),
                null, r.importanceGrade(), r.safetySensitive(), r.safetyReason(), r.supervisingBody(), r.contacts(), r.meter(), r.account());
    }

    static CustomerRegistration safetySensitive(CustomerRegistration r) {
        return new CustomerRegistration(r.customerNo(), r.name(), r.address(), r.usageClass(), r.billingMode(), r.district(),
                r.agreementSignedOn(), r.importanceGrade(), true, SafetyReason.LIFE_SUPPORT, r.supervisingBody(), r.contacts(), r.meter(), r.account());
    }

    static CustomerRegistration important(CustomerRegistration r) {
        return new CustomerRegistration(r.customerNo(), r.name(), r.address(), UsageClass.NON_RESIDENTIAL, r.billingMode(), r.district(),
                r.agreementSignedOn(), ImportanceGrade.GRADE_1, false, null, "县卫生健康局", r.contacts(), r.meter(), r.account());
    }

    public static CustomerRegistration staleContact(CustomerRegistration r) {
        return new CustomerRegistration(r.customerNo(), r.name(), r.address(), r.usageClass(), r.billingMode(), r.district(),
                r.agreementSignedOn(), r.importanceGrade(), r.safetySensitive(), r.safetyReason(), r.supervisingBody(),
                List.of(new CustomerRegistration.Contact("13800001234", ContactRole.OWNER, ContactStatus.VALID,
                        OffsetDateTime.parse("2025-01-10T09:00:00+08:00"), "TEST")), r.meter(), r.account());
    }

    static CustomerRegistration noArrears(CustomerRegistration r) {
        return new CustomerRegistration(r.customerNo(), r.name(), r.address(), r.usageClass(), r.billingMode(), r.district(),
                r.agreementSignedOn(), r.importanceGrade(), r.safetySensitive(), r.safetyReason(), r.supervisingBody(), r.contacts(),
                r.meter(), new CustomerRegistration.Account(BigDecimal.ZERO, BigDecimal.ZERO, null));
    }

    /** A payment as the accounting module books it: account row updated, event published after commit. */
    public void pay(String customerNo, String amount, boolean clearsArrears) {
        OffsetDateTime now = now();
        transactions.executeWithoutResult(tx -> {
            BigDecimal arrears = jdbc.sql("SELECT arrears FROM account WHERE customer_no = ?").param(customerNo)
                    .query(BigDecimal.class).single();
            BigDecimal after = clearsArrears ? BigDecimal.ZERO : arrears.subtract(new BigDecimal(amount)).max(BigDecimal.ZERO);
            jdbc.sql("UPDATE account SET arrears = ?, last_payment_at = ?, last_payment_amount = ?, updated_at = ? WHERE customer_no = ?")
                    .params(after, now, new BigDecimal(amount), now, customerNo).update();
            events.publishEvent(new PaymentReceived("PAY-" + customerNo + "-" + SEQUENCE.getAndIncrement(), customerNo,
                    new BigDecimal(amount), now, BigDecimal.ZERO, after));
        });
        afterCommit.awaitQuiet();
    }

    /** Waits until the after-commit listeners (payment correlation, reconnection start) have run. */
    public void awaitEvents() {
        afterCommit.awaitQuiet();
    }

    public static OffsetDateTime now() {
        return ClockUtil.now().toInstant().atOffset(TUESDAY_10_00.getOffset());
    }

    public static void setClock(OffsetDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.toInstant()));
    }

    /**
     * Completes a task as a member of its candidate group would over the engine REST API: the
     * engine authenticates a user of that group (created on first use), so the listeners record
     * a real person of the right role — what the switching kernel accepts a notice or approval from.
     */
    public static void completeAsCandidate(IdentityService identity, TaskService tasks, String taskId, Map<String, Object> variables) {
        String group = tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst()
                .orElseThrow(() -> new AssertionError("task " + taskId + " has no candidate group"));
        String userId = "staff-" + group;
        // a district's group and its role's group, as real staff have (the role's group carries the authorizations)
        List<String> groups = group.startsWith(Roles.DISTRICT_MANAGERS + "-") ? List.of(group, Roles.DISTRICT_MANAGERS)
                : group.startsWith(Roles.FIELD_CREW + "-") ? List.of(group, Roles.FIELD_CREW) : List.of(group);
        if (identity.createUserQuery().userId(userId).count() == 0) {
            identity.saveUser(identity.newUser(userId));
        }
        for (String g : groups) {
            if (identity.createGroupQuery().groupId(g).count() == 0) {
                identity.saveGroup(identity.newGroup(g));
            }
            if (identity.createUserQuery().userId(userId).memberOfGroup(g).count() == 0) {
                identity.createMembership(userId, g);
            }
        }
        identity.setAuthentication(userId, groups);
        try {
            tasks.complete(taskId, variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Started by a test trigger, reminder sent, reminder period over and the notice posted now by a
     * district manager: the instance waits for its execution window (notice lead days ahead).
     */
    public String startedWithNoticePosted(ProcessEngine engine, TestCustomer c, String evidenceRef) {
        String id = engine.getRuntimeService().startProcessInstanceByKey("arrears-disconnection", c.customerNo(),
                Map.of("customerNo", c.customerNo(), "trigger", "TEST")).getId();
        runDueJobs();
        fireNextTimer(id);
        TaskService tasks = engine.getTaskService();
        completeAsCandidate(engine.getIdentityService(), tasks, tasks.createTaskQuery().processInstanceId(id).singleResult().getId(),
                Map.of("noticePostedAt", now().toString(), "noticePlace", "单元楼门口", "noticeEvidenceRef", evidenceRef));
        return id;
    }

    /** Runs every job that is due now, repeatedly, as the job executor would. */
    public void runDueJobs() {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                // a switching step waits for the bus dispatcher; its result may bring new jobs
                SwitchingQueueProbe.awaitDelivered(jdbc, null);
                due = management.createJobQuery().executable().list();
            }
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
            }
        }
        throw new IllegalStateException("jobs keep coming: endless loop in a model?");
    }

    /** Moves the clock to the earliest timer of the instance, then runs what is due. */
    public OffsetDateTime fireNextTimer(String processInstanceId) {
        Job timer = management.createJobQuery().timers().processInstanceId(processInstanceId).orderByJobDuedate().asc()
                .listPage(0, 1).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no timer waiting in " + processInstanceId));
        OffsetDateTime due = timer.getDuedate().toInstant().atOffset(TUESDAY_10_00.getOffset());
        if (due.isAfter(now())) {
            setClock(due);
        }
        runDueJobs();
        return due;
    }

    /** Timers of the called important-customer process live in the sub-instance. */
    OffsetDateTime fireNextTimerAnywhere() {
        Job timer = management.createJobQuery().timers().orderByJobDuedate().asc().listPage(0, 1).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no timer waiting"));
        OffsetDateTime due = timer.getDuedate().toInstant().atOffset(TUESDAY_10_00.getOffset());
        if (due.isAfter(now())) {
            setClock(due);
        }
        runDueJobs();
        return due;
    }
}
