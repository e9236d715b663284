package io.supplyguard.dispute;

import static io.supplyguard.disconnection.DisconnectionFixture.TUESDAY_10_00;
import static io.supplyguard.disconnection.DisconnectionFixture.now;
import static io.supplyguard.disconnection.DisconnectionFixture.setClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.supplyguard.audit.CustomerTimeline;
import io.supplyguard.audit.TimelineEntry;
import io.supplyguard.calendar.CalendarDays.DayKind;
import io.supplyguard.calendar.HolidayCalendar;
import io.supplyguard.disconnection.DisconnectionFixture;
import io.supplyguard.disconnection.DisconnectionFixture.TestCustomer;
import io.supplyguard.identity.Roles;
import io.supplyguard.meter.MeterSimulation;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 18 item 1: a customer's open dispute stops every trip and the disconnection waits for its
 * resolution; upheld, the disconnection ends; rejected, it goes on (with a fresh notice when the
 * old one is past its validity); open 3 working days, it escalates to the leaders; a customer
 * already cut is not cut again and may get an emergency reconnection from the desk.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class DisputeProcessTest {

    /** The notice is posted on Friday 4 December: seven lead days, the cut is due on Friday 11 December. */
    static final OffsetDateTime THE_DAY_BEFORE_THE_CUT = OffsetDateTime.parse("2026-12-10T10:00:00+08:00");
    static final String OPERATOR = "dispute-operator";
    static final String LEADER = "dispute-leader";
    static final String DESK = "dispute-desk";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired DisconnectionFixture fixture;
    @Autowired MeterSimulation meters;
    @Autowired HolidayCalendar calendar;
    @Autowired CustomerTimeline timeline;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        setClock(TUESDAY_10_00);
        user(OPERATOR, Roles.FEE_CONTROL_OPERATORS);
        user(LEADER, Roles.LEADERS);
        user(DESK, Roles.RECONNECTION_DESK);
    }

    @AfterEach
    void tearDown() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
        jdbc.sql("UPDATE dispute SET status = 'REJECTED', resolved_at = recorded_at WHERE status = 'OPEN'").update();
        jdbc.sql("DELETE FROM calendar_day WHERE year_no <> 2026").update();
        jdbc.sql("DELETE FROM calendar_year WHERE year_no <> 2026").update();
        ClockUtil.reset();
    }

    @Test
    void anOpenDisputeStopsATripThatWasOtherwiseDueAndTheDisconnectionWaits() {
        TestCustomer c = fixture.customer();
        ProcessInstance disconnection = running(fixture.startedWithNoticePosted(engine, c, "IMG-D1"));
        setClock(THE_DAY_BEFORE_THE_CUT);
        record(OPERATOR, c, "BILL", "HOTLINE", "95598-2026120100017");

        fixture.fireNextTimer(disconnection.getId()); // the execution window opens: the cut was due now

        assertThat(relayOpen(c)).isFalse();
        assertThat(refusals(disconnection.getId())).containsExactly("DISPUTE_OPEN");
        assertThat(disconnection).isWaitingAt("Gateway_AwaitDispute");
        fixture.fireNextTimer(disconnection.getId()); // looked at again four hours later: still open
        assertThat(relayOpen(c)).isFalse();
        assertThat(refusals(disconnection.getId())).containsExactly("DISPUTE_OPEN", "DISPUTE_OPEN");
        assertThat(timeline.of(c.customerNo())).extracting(TimelineEntry::kind, TimelineEntry::actor)
                .contains(org.assertj.core.groups.Tuple.tuple(TimelineEntry.Kind.DISPUTE_RECORDED, OPERATOR));
        assertThat(timeline.of(c.customerNo())).filteredOn(e -> e.kind() == TimelineEntry.Kind.SWITCHING_DECISION)
                .extracting(TimelineEntry::title).contains("开关内核 TRIP 拒绝: DISPUTE_OPEN");
    }

    @Test
    void anUpheldDisputeEndsTheDisconnectionWithoutACut() {
        TestCustomer c = fixture.customer();
        ProcessInstance disconnection = running(fixture.startedWithNoticePosted(engine, c, "IMG-D2"));
        setClock(THE_DAY_BEFORE_THE_CUT);
        ProcessInstance dispute = record(OPERATOR, c, "METER", "COUNTER", null);
        fixture.fireNextTimer(disconnection.getId());

        resolve(LEADER, dispute, "Task_ResolveDispute", "UPHELD", "表计误差超差，退补电费");
        fixture.runDueJobs();

        assertThat(disconnection).isEnded().hasPassed("End_DisputeUpheld");
        assertThat(outcome(disconnection.getId())).isEqualTo("DISPUTE_UPHELD");
        assertThat(relayOpen(c)).isFalse();
        assertThat(dispute).isEnded();
        assertThat(timeline.of(c.customerNo())).filteredOn(e -> e.kind() == TimelineEntry.Kind.DISPUTE_RESOLVED)
                .extracting(TimelineEntry::title, TimelineEntry::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("客户争议处理：成立", LEADER));
    }

    @Test
    void aRejectedDisputeLetsTheDisconnectionGoOn() {
        TestCustomer c = fixture.customer();
        ProcessInstance disconnection = running(fixture.startedWithNoticePosted(engine, c, "IMG-D3"));
        setClock(THE_DAY_BEFORE_THE_CUT);
        ProcessInstance dispute = record(OPERATOR, c, "BILL", "LETTER", null);
        fixture.fireNextTimer(disconnection.getId());

        resolve(OPERATOR, dispute, "Task_ResolveDispute", "REJECTED", "账单核对无误");
        fixture.runDueJobs();

        assertThat(disconnection).isEnded().hasPassed("End_Disconnected");
        assertThat(relayOpen(c)).isTrue();
    }

    @Test
    void aRejectedDisputeNeedsAFreshNoticeWhenTheOldOneIsPastItsValidity() {
        calendar.maintain(2027, "测试：2027年", List.of(new HolidayCalendar.Day(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦")),
                OPERATOR);
        TestCustomer c = fixture.customer();
        ProcessInstance disconnection = running(fixture.startedWithNoticePosted(engine, c, "IMG-D4")); // posted 4 Dec
        setClock(THE_DAY_BEFORE_THE_CUT);
        ProcessInstance dispute = record(OPERATOR, c, "NOTICE", "COUNTER", null);
        fixture.fireNextTimer(disconnection.getId());

        setClock(OffsetDateTime.parse("2027-01-12T10:00:00+08:00")); // the notice is 39 days old: validity 30 days
        resolve(LEADER, dispute, "Task_ResolveDispute", "REJECTED", "通知送达无误，客户未缴费");
        fixture.runDueJobs();

        assertThat(relayOpen(c)).isFalse();
        assertThat(refusals(disconnection.getId())).endsWith("NOTICE_EXPIRED");
        assertThat(disconnection).isWaitingAt("Task_RecordNoticePosting");
        DisconnectionFixture.completeAsCandidate(identity, tasks, task(disconnection.getId(), "Task_RecordNoticePosting").getId(),
                Map.of("noticePostedAt", now().toString(), "noticePlace", "单元楼门口", "noticeEvidenceRef", "IMG-D4-2"));
        OffsetDateTime cutAt = fixture.fireNextTimer(disconnection.getId());

        assertThat(cutAt).isAfterOrEqualTo(OffsetDateTime.parse("2027-01-19T10:00:00+08:00")); // seven lead days after the fresh notice
        assertThat(disconnection).isEnded().hasPassed("End_Disconnected");
        assertThat(relayOpen(c)).isTrue();
    }

    @Test
    void aDisputeOpenThreeWorkingDaysEscalatesToTheLeadersOnTheBusinessCalendar() {
        setClock(OffsetDateTime.parse("2026-09-30T10:00:00+08:00")); // eve of the National Day holidays
        TestCustomer c = fixture.customer();
        ProcessInstance dispute = record(OPERATOR, c, "BILL", "COUNTER", null);
        Task first = task(dispute.getId(), "Task_ResolveDispute");
        // 1-7 October are holidays: Thursday 8, Friday 9 and the adjusted working Saturday 10 October
        OffsetDateTime threeWorkingDays = OffsetDateTime.parse("2026-10-10T10:00:00+08:00");
        assertThat(first.getDueDate().toInstant()).isEqualTo(threeWorkingDays.toInstant());
        Job escalation = management.createJobQuery().processInstanceId(dispute.getId()).timers().singleResult();
        assertThat(escalation.getDuedate().toInstant()).isEqualTo(threeWorkingDays.toInstant());

        setClock(threeWorkingDays);
        management.executeJob(escalation.getId());

        Task escalated = task(dispute.getId(), "Task_ResolveEscalatedDispute");
        assertThat(tasks.getIdentityLinksForTask(escalated.getId())).extracting(l -> l.getGroupId()).containsExactly(Roles.LEADERS);
        assertThat(escalated.getPriority()).isEqualTo(100);
        assertThatThrownBy(() -> complete(OPERATOR, escalated.getId(), "REJECTED", "超期"))
                .as("an operator may not resolve an escalated dispute").isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        complete(LEADER, escalated.getId(), "REJECTED", "经核实账单无误");
        assertThat(dispute).isEnded();
    }

    @Test
    void aDisputeOfACustomerAlreadyCutCutsNothingAgainAndTheDeskMayReconnectAtOnce() {
        TestCustomer c = fixture.customer();
        ProcessInstance disconnection = running(fixture.startedWithNoticePosted(engine, c, "IMG-D5"));
        fixture.fireNextTimer(disconnection.getId());
        assertThat(relayOpen(c)).isTrue();

        ProcessInstance dispute = record(OPERATOR, c, "BILL", "HOTLINE", "95598-2026120800003");
        Task consider = task(dispute.getId(), "Task_ConsiderEmergencyReconnection");
        asUser(DESK, Roles.RECONNECTION_DESK, () -> tasks.complete(consider.getId(), Map.of("emergencyNeeded", "true",
                "emergencyReason", "DANGER_TO_LIFE", "emergencyDescription", "家中有透析病人")));
        fixture.runDueJobs();

        assertThat(relayOpen(c)).isFalse();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("emergency-reconnection")
                .processInstanceBusinessKey(c.customerNo()).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM meter_command WHERE meter_no = ? AND command = 'TRIP'").param(c.meterNo())
                .query(Integer.class).single()).as("tripped once, by the disconnection before the dispute").isEqualTo(1);
        assertThat(task(dispute.getId(), "Task_ResolveDispute")).isNotNull();
    }

    @Test
    void onlyTheRecordingRolesRecordADispute() {
        TestCustomer c = fixture.customer();
        user("dispute-manager", Roles.DISTRICT_MANAGERS);
        assertThatThrownBy(() -> record("dispute-manager", c, "BILL", "COUNTER", null))
                .as("the engine's authorization").isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        assertThatThrownBy(() -> asUser("dispute-manager", Roles.FEE_CONTROL_OPERATORS, () -> runtime.startProcessInstanceByKey(
                "customer-dispute", c.customerNo(), Map.of("customerNo", c.customerNo(), "disputeKind", "BILL",
                        "disputeSource", "COUNTER", "disputeText", "x"))))
                .as("a group claimed without the membership").isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("无权登记客户争议");
        assertThatThrownBy(() -> record(OPERATOR, c, "BILL", "HOTLINE", null))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("field 'ticketNo'");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dispute WHERE customer_no = ?").param(c.customerNo()).query(Integer.class).single())
                .isZero();
    }

    private ProcessInstance record(String user, TestCustomer c, String kind, String source, String ticketNo) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("customerNo", c.customerNo(), "disputeKind", kind,
                "disputeSource", source, "disputeText", "客户认为本月电费异常"));
        variables.put("ticketNo", ticketNo);
        ProcessInstance[] started = new ProcessInstance[1];
        asUser(user, null, () -> started[0] = runtime.startProcessInstanceByKey("customer-dispute", c.customerNo(), variables));
        return started[0];
    }

    private void resolve(String user, ProcessInstance dispute, String taskKey, String decision, String text) {
        complete(user, task(dispute.getId(), taskKey).getId(), decision, text);
    }

    private void complete(String user, String taskId, String decision, String text) {
        asUser(user, null, () -> tasks.complete(taskId, Map.of("disputeResolution", decision, "resolutionText", text)));
    }

    /** As the engine authenticates a user: with the groups he is a member of, or those named (a forged claim). */
    private void asUser(String user, String group, Runnable work) {
        identity.setAuthentication(user, group != null ? List.of(group)
                : identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList());
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    private void user(String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            identity.saveUser(identity.newUser(id));
        }
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identity.createMembership(id, group);
        }
    }

    private Task task(String processInstanceId, String key) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    private ProcessInstance running(String id) {
        return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private Object outcome(String id) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("outcome").singleResult().getValue();
    }

    private boolean relayOpen(TestCustomer c) {
        return meters.status(DisconnectionFixture.BUS, c.address()).relayOpen();
    }

    private List<String> refusals(String processInstanceId) {
        return jdbc.sql("SELECT reason_code FROM switching_decision WHERE process_instance_id = ? AND NOT allowed ORDER BY id")
                .param(processInstanceId).query(String.class).list();
    }
}
