package io.supplyguard.disconnection;

import io.supplyguard.switching.SwitchingQueueProbe;
import io.supplyguard.customer.CustomerRegistration;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.disconnection.DisconnectionFixture.TestCustomer;
import io.supplyguard.meter.MeterSimulation;
import io.supplyguard.testsupport.AfterCommitEvents;
import io.supplyguard.meter.MeterSimulation.SimulatedFault;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives {@code arrears-disconnection} to the step a person works on in a browser test, with the
 * same customers, clock and job handling as the process tests ({@link DisconnectionFixture}) but
 * without being a bean, so browser tests share the one {@code @BrowserTest} Spring context. The
 * engine clock starts on a Tuesday 10:00 (business time); call {@link #close()} to reset it.
 */
public final class DisconnectionScenarios implements AutoCloseable {

    public static final String PROCESS = "arrears-disconnection";

    private final DisconnectionFixture fixture;
    private final MeterSimulation meters;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final JdbcClient jdbc;

    public DisconnectionScenarios(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.meters = context.getBean(MeterSimulation.class);
        this.fixture = new DisconnectionFixture(context.getBean(CustomerRegistry.class), meters,
                context.getBean(ManagementService.class), context.getBean(JdbcClient.class),
                context, context.getBean(TransactionTemplate.class), context.getBean(AfterCommitEvents.class));
        this.runtime = context.getBean(RuntimeService.class);
        this.tasks = context.getBean(TaskService.class);
        this.management = context.getBean(ManagementService.class);
        this.identity = context.getBean(IdentityService.class);
        DisconnectionFixture.setClock(DisconnectionFixture.TUESDAY_10_00);
    }

    /** What a test needs to know of a registered customer. */
    public record Customer(String customerNo, String name, String district, String address) {
    }

    /** A residential customer of the district with a signed agreement, a verified contact and 235.50 overdue. */
    public Customer customer(String district) {
        return register(district, r -> r);
    }

    /** The same, but safety-sensitive (life support): the decision table asks a leader to approve the cut. */
    public Customer safetySensitiveCustomer(String district) {
        return register(district, DisconnectionFixture::safetySensitive);
    }

    /** An important customer (GRADE_1, non-residential): leader approval, written notices, the double 15-minute rule. */
    public Customer importantCustomer(String district) {
        return register(district, DisconnectionFixture::important);
    }

    private Customer register(String district, UnaryOperator<CustomerRegistration> kind) {
        TestCustomer c = fixture.customer(r -> kind.apply(inDistrict(r, district)));
        return new Customer(c.customerNo(), "测试客户" + Integer.parseInt(c.customerNo().substring(2)), district, c.address());
    }

    private static CustomerRegistration inDistrict(CustomerRegistration r, String district) {
        return new CustomerRegistration(r.customerNo(), r.name(), r.address(), r.usageClass(), r.billingMode(), district,
                r.agreementSignedOn(), r.importanceGrade(), r.safetySensitive(), r.safetyReason(), r.supervisingBody(),
                r.contacts(), r.meter(), r.account());
    }

    /** Started, reminder sent, reminder period over: waiting at 张贴停电通知书 (Task_RecordNoticePosting). */
    public String atNoticePosting(Customer customer) {
        String id = runtime.startProcessInstanceByKey(PROCESS, customer.customerNo(),
                Map.of("customerNo", customer.customerNo(), "trigger", "TEST")).getId();
        runDueJobs(id);
        fireNextTimer(id);
        task(id, "Task_RecordNoticePosting");
        return id;
    }

    /** Notice posted (through the API): a safety-sensitive customer waits at 领导审批停电 (Task_ApproveDisconnection). */
    public String atApproval(Customer customer) {
        String id = atNoticePosting(customer);
        postNotice(id);
        task(id, "Task_ApproveDisconnection");
        return id;
    }

    /** Notice posted, the relay does not move on the remote trip: waiting at 现场补停工单 (Task_FieldCutOrder). */
    public String atFieldCutOrder(Customer customer) {
        String id = atNoticePosting(customer);
        postNotice(id);
        meters.injectFault(DisconnectionFixture.BUS, customer.address(), SimulatedFault.RELAY_STUCK, Integer.MAX_VALUE);
        fireNextTimer(id);
        task(id, "Task_FieldCutOrder");
        return id;
    }

    /** A whole ordinary disconnection through the API: ends DISCONNECTED by the remote trip. */
    public String disconnected(Customer customer) {
        String id = atNoticePosting(customer);
        postNotice(id);
        fireNextTimer(id);
        if (runtime.createProcessInstanceQuery().processInstanceId(id).count() != 0) {
            throw new IllegalStateException("disconnection " + id + " did not end");
        }
        return id;
    }

    /** Moves the engine clock (what "now" means to the listeners' "not in the future" checks). */
    public void advanceClock(java.time.Duration by) {
        DisconnectionFixture.setClock(now().plus(by));
    }

    /** The engine's now in business time. */
    public OffsetDateTime now() {
        return DisconnectionFixture.now();
    }

    /**
     * Runs the due jobs of one disconnection (the job executor is off in tests), e.g. the SMS after a
     * field cut. Only its own: the demo profile's processes have jobs of their own in the same engine.
     */
    public void runDueJobs(String processInstanceId) {
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
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("jobs keep coming in " + processInstanceId);
    }

    /** Moves the engine clock to the next timer of this instance and runs what is due. */
    public void fireNextTimer(String processInstanceId) {
        Job timer = management.createJobQuery().timers().processInstanceId(processInstanceId).orderByJobDuedate().asc()
                .listPage(0, 1).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no timer waiting in " + processInstanceId));
        OffsetDateTime due = timer.getDuedate().toInstant().atOffset(DisconnectionFixture.TUESDAY_10_00.getOffset());
        if (due.isAfter(now())) {
            DisconnectionFixture.setClock(due);
        }
        runDueJobs(processInstanceId);
    }

    public Task task(String processInstanceId, String taskDefinitionKey) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey).singleResult();
        if (task == null) {
            throw new AssertionError(processInstanceId + " is not waiting at " + taskDefinitionKey);
        }
        return task;
    }

    public void postNotice(String id) {
        DisconnectionFixture.completeAsCandidate(identity, tasks, task(id, "Task_RecordNoticePosting").getId(),
                Map.of("noticePostedAt", now().toString(), "noticePlace", "单元楼门口", "noticeEvidenceRef", "IMG-0001"));
    }

    @Override
    public void close() {
        runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "browser test cleanup"));
        ClockUtil.reset();
    }
}
