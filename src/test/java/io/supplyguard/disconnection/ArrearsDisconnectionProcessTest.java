package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionFixture.TUESDAY_10_00;
import static io.supplyguard.disconnection.DisconnectionFixture.now;
import static io.supplyguard.disconnection.DisconnectionFixture.setClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.supplyguard.account.DisconnectionStarter;
import io.supplyguard.calendar.WeatherAlerts;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.RelayState;
import io.supplyguard.disconnection.DisconnectionFixture.TestCustomer;
import io.supplyguard.meter.MeterCommandAudit;
import io.supplyguard.meter.MeterSimulation;
import io.supplyguard.notification.SmsHistory;
import io.supplyguard.notification.SmsTemplate;
import io.supplyguard.notification.SmsView;
import io.supplyguard.meter.MeterSimulation.SimulatedFault;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code arrears-disconnection} on the engine with the real decision table, real delegates and the
 * simulated meter bus; the job executor is off and {@code ClockUtil} moves time.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class ArrearsDisconnectionProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired HistoryService history;
    @Autowired DisconnectionStarter starter;
    @Autowired DisconnectionFixture fixture;
    @Autowired MeterSimulation meters;
    @Autowired CustomerRegistry registry;
    @Autowired WeatherAlerts weatherAlerts;
    @Autowired JdbcClient jdbc;
    @Autowired MeterCommandAudit commandAudit;
    @Autowired SmsHistory smsHistory;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        setClock(TUESDAY_10_00);
    }

    @AfterEach
    void tearDown() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
        jdbc.sql("DELETE FROM weather_alert").update();
        ClockUtil.reset();
    }

    ProcessInstance start(TestCustomer customer) {
        return runtime.startProcessInstanceByKey("arrears-disconnection", customer.customerNo(),
                Map.of("customerNo", customer.customerNo(), "trigger", "TEST"));
    }

    Task task(ProcessInstance pi, String key) {
        Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("task " + key).isNotNull();
        return task;
    }

    void complete(ProcessInstance pi, String key, Object... keyValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            variables.put((String) keyValues[i], keyValues[i + 1]);
        }
        DisconnectionFixture.completeAsCandidate(identity, tasks, task(pi, key).getId(), variables);
    }

    Object outcome(ProcessInstance pi) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("outcome")
                .singleResult().getValue();
    }

    /** Reminder sent, reminder period over, notice posted now: waiting for the execution window. */
    void throughNotice(ProcessInstance pi) {
        fixture.runDueJobs();
        assertThat(pi).isWaitingAt("Event_ReminderPeriodElapsed");
        fixture.fireNextTimer(pi.getId());
        assertThat(pi).isWaitingAt("Task_RecordNoticePosting");
        complete(pi, "Task_RecordNoticePosting", "noticePostedAt", now().toString(), "noticePlace", "单元楼门口",
                "noticeEvidenceRef", "IMG-0001");
    }

    boolean relayOpen(TestCustomer c) {
        return meters.status(DisconnectionFixture.BUS, c.address()).relayOpen();
    }

    @Test
    void ordinaryResidentialCustomerIsCutAfterReminderNoticeAndWindowAndToldHowToPay() {
        TestCustomer c = fixture.customer();
        ProcessInstance pi = start(c);
        assertThat(pi).hasVariables("eligible").variables().containsEntry("path", "ORDINARY").containsEntry("noticeLeadDays", 7);
        throughNotice(pi);

        assertThat(pi).isWaitingAt("Event_ExecutionWindowOpens");
        OffsetDateTime executed = fixture.fireNextTimer(pi.getId());
        // reminder period 3 days (Friday 4 Dec), notice posted then, 7 notice days later: Friday 11 Dec, in the window
        assertThat(executed).isEqualTo(OffsetDateTime.parse("2026-12-11T10:00:00+08:00"));

        assertThat(pi).isEnded();
        assertThat(outcome(pi)).isEqualTo("DISCONNECTED");
        assertThat(relayOpen(c)).isTrue();
        assertThat(registry.get(c.customerNo()).meter().relayState()).isEqualTo(RelayState.OPEN);
        assertThat(starter.isRunningFor(c.customerNo())).isFalse();
        // every frame is audited with the process that sent it: number and status read, then the trip
        assertThat(commandAudit.listForMeter(c.address())).filteredOn(r -> pi.getId().equals(r.processInstanceId()))
                .extracting(MeterCommandAudit.MeterCommandRecord::command, MeterCommandAudit.MeterCommandRecord::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple("TRIP", "CONFIRMED"));
        assertThat(smsHistory.of(c.customerNo())).extracting(SmsView::template)
                .contains(SmsTemplate.ARREARS_REMINDER, SmsTemplate.DISCONNECTED);
    }

    @Test
    void withoutSignedAgreementTheCustomerIsNotUnderFeeControlAndTheOperatorCorrectsTheRecord() {
        TestCustomer c = fixture.customer(DisconnectionFixture::withoutAgreement);
        ProcessInstance pi = start(c);
        assertThat(pi).isWaitingAt("Task_CorrectAgreementRecord");
        assertThat(task(pi, "Task_CorrectAgreementRecord")).hasCandidateGroup("fee-control-operators");
        complete(pi, "Task_CorrectAgreementRecord", "agreementCorrection", "协议原件未找到，已通知营业厅补签");
        assertThat(pi).isEnded().hasPassed("End_NotUnderFeeControl");
        assertThat(outcome(pi)).isEqualTo("NOT_UNDER_FEE_CONTROL");
        assertThat(relayOpen(c)).isFalse();
    }

    @Test
    void aCustomerWithoutArrearsIsNotEligible() {
        TestCustomer c = fixture.customer(DisconnectionFixture::noArrears);
        ProcessInstance pi = start(c);
        assertThat(pi).isEnded().hasPassed("End_NotEligible");
        assertThat(outcome(pi)).isEqualTo("NOT_ELIGIBLE");
    }

    @Test
    void aStaleContactGoesToTheDistrictManagerBeforeAnyReminder() {
        TestCustomer c = fixture.customer(DisconnectionFixture::staleContact);
        ProcessInstance pi = start(c);
        assertThat(pi).isWaitingAt("Task_VerifyContact");
        assertThat(task(pi, "Task_VerifyContact")).hasCandidateGroup("district-managers-TQ-T01");

        assertThatThrownBy(() -> complete(pi, "Task_VerifyContact", "contactPhone", "12345", "contactRole", "OWNER",
                "contactConfirmed", true)).hasMessageContaining("contactPhone");
        complete(pi, "Task_VerifyContact", "contactPhone", "13912345678", "contactRole", "TENANT", "contactConfirmed", "true");

        assertThat(pi).isWaitingAt("Task_SendReminder");
        assertThat(registry.get(c.customerNo()).contacts()).anySatisfy(contact -> {
            assertThat(contact.phone()).isEqualTo("13912345678");
            assertThat(contact.verifiedAt()).isNotNull();
        });
    }

    @Test
    void aPaymentDuringTheReminderPeriodEndsTheProcessPaid() {
        TestCustomer c = fixture.customer();
        ProcessInstance pi = start(c);
        fixture.runDueJobs();
        assertThat(pi).isWaitingAt("Event_ReminderPeriodElapsed");

        fixture.pay(c.customerNo(), "235.50", true);

        assertThat(pi).isEnded().hasPassed("End_Paid");
        assertThat(outcome(pi)).isEqualTo("PAID");
        assertThat(relayOpen(c)).isFalse();
    }

    @Test
    void aSafetySensitiveCutRejectedByTheLeaderEndsProtected() {
        TestCustomer c = fixture.customer(DisconnectionFixture::safetySensitive);
        ProcessInstance pi = start(c);
        throughNotice(pi);
        assertThat(pi).isWaitingAt("Task_ApproveDisconnection");
        assertThat(task(pi, "Task_ApproveDisconnection")).hasCandidateGroup("leaders");

        assertThatThrownBy(() -> complete(pi, "Task_ApproveDisconnection", "disconnectionApproved", "false"))
                .hasMessageContaining("disconnectionDecisionReason");
        complete(pi, "Task_ApproveDisconnection", "disconnectionApproved", "false", "disconnectionDecisionReason", "家中有呼吸机");

        assertThat(pi).isEnded().hasPassed("End_Protected");
        assertThat(outcome(pi)).isEqualTo("PROTECTED");
        assertThat(relayOpen(c)).isFalse();
    }

    @Test
    void anImportantCustomerFollowsTheWrittenNoticesAndTheDoubleFifteenMinuteRule() {
        TestCustomer c = fixture.customer(DisconnectionFixture::important);
        ProcessInstance pi = start(c);
        assertThat(pi).variables().containsEntry("path", "IMPORTANT").containsEntry("noticeLeadDays", 3);
        throughNotice(pi);
        complete(pi, "Task_ApproveDisconnection", "disconnectionApproved", "true");
        assertThat(pi).isWaitingAt("Call_ImportantCustomerDisconnection");
        ProcessInstance sub = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
        assertThat(sub).isWaitingAt("Task_RecordWrittenNotices");

        Map<String, Object> notices = new HashMap<>(Map.of(
                "powerAdminNoticeRef", "电管〔2026〕12号", "powerAdminNoticeDate", "2026-12-01",
                "supervisingBodyNoticeRef", "主管〔2026〕3号", "supervisingBodyNoticeDate", "2026-12-01",
                "localGovernmentNoticeRef", "政〔2026〕7号", "localGovernmentNoticeDate", "2026-12-01",
                "judicialNoticeRef", "司〔2026〕1号", "judicialNoticeDate", "2026-12-01"));
        notices.put("noticeTime", "2026-12-05T10:00:00+08:00"); // notice posted 4 Dec + 3 days: too early
        Task record = tasks.createTaskQuery().processInstanceId(sub.getId()).singleResult();
        assertThatThrownBy(() -> DisconnectionFixture.completeAsCandidate(identity, tasks, record.getId(), notices))
                .hasMessageContaining("noticeTime");
        notices.put("noticeTime", "2026-12-07T10:00:00+08:00");
        DisconnectionFixture.completeAsCandidate(identity, tasks, record.getId(), notices);

        assertThat(fixture.fireNextTimerAnywhere()).isEqualTo(OffsetDateTime.parse("2026-12-07T09:45:00+08:00"));
        assertThat(meters.status(DisconnectionFixture.BUS, c.address()).preTripAlarm()).isTrue();
        assertThat(relayOpen(c)).isFalse();
        assertThat(fixture.fireNextTimerAnywhere()).isEqualTo(OffsetDateTime.parse("2026-12-07T10:00:00+08:00"));
        assertThat(relayOpen(c)).isFalse();
        assertThat(fixture.fireNextTimerAnywhere()).isEqualTo(OffsetDateTime.parse("2026-12-07T10:15:00+08:00"));

        assertThat(pi).isEnded();
        assertThat(outcome(pi)).isEqualTo("DISCONNECTED");
        assertThat(relayOpen(c)).isTrue();
    }

    @Test
    void anExtremeWeatherAlertPostponesTheCutToTheNextWindowAfterIt() {
        TestCustomer c = fixture.customer();
        ProcessInstance pi = start(c);
        throughNotice(pi);
        weatherAlerts.raise("TQ-T01", "HEAT", OffsetDateTime.parse("2026-12-11T00:00:00+08:00"),
                OffsetDateTime.parse("2026-12-14T18:00:00+08:00"), "operator");

        fixture.fireNextTimer(pi.getId()); // 11 Dec 10:00 was planned before the alert
        assertThat(pi).isWaitingAt("Event_ExecutionWindowOpens");
        assertThat(relayOpen(c)).isFalse();
        assertThat(fixture.fireNextTimer(pi.getId())).isEqualTo(OffsetDateTime.parse("2026-12-15T09:00:00+08:00"));
        assertThat(pi).isEnded();
        assertThat(relayOpen(c)).isTrue();
    }

    @Test
    void aPartialPaymentDoesNotStopTheCutByDefaultOnlyClearingTheArrearsDoes() {
        TestCustomer partial = fixture.customer();
        ProcessInstance pi = start(partial);
        throughNotice(pi);
        fixture.pay(partial.customerNo(), "1.00", false); // 1.00 of 235.50: the disconnection goes on
        assertThat(pi).isWaitingAt("Event_ExecutionWindowOpens");
        fixture.fireNextTimer(pi.getId());
        assertThat(pi).isEnded().hasPassed("End_Disconnected");
        assertThat(relayOpen(partial)).isTrue();

        TestCustomer cleared = fixture.customer();
        ProcessInstance paid = start(cleared);
        throughNotice(paid);
        // cleared on the ledger, but the correlation missed the instance: the kernel's ledger check stops the cut
        jdbc.sql("UPDATE account SET arrears = 0 WHERE customer_no = ?").param(cleared.customerNo()).update();
        fixture.fireNextTimer(paid.getId());
        assertThat(paid).isEnded().hasPassed("End_PaidBeforeCut");
        assertThat(outcome(paid)).isEqualTo("PAID_BEFORE_CUT");
        assertThat(relayOpen(cleared)).isFalse();
    }

    @Test
    void aMeterReportingAnotherMeterNumberIsNeverTripped() {
        TestCustomer c = fixture.customer();
        ProcessInstance pi = start(c);
        throughNotice(pi);
        meters.injectFault(DisconnectionFixture.BUS, c.address(), SimulatedFault.WRONG_METER_NUMBER, Integer.MAX_VALUE);

        fixture.fireNextTimer(pi.getId());
        assertThat(pi).isEnded().hasPassed("End_VerificationFailed");
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("verification")
                .singleResult().getValue()).isEqualTo("WRONG_METER");
        assertThat(relayOpen(c)).isFalse();
    }

    @Test
    void aPowerGuaranteeSetMeanwhileStopsTheCut() {
        TestCustomer c = fixture.customer();
        ProcessInstance pi = start(c);
        throughNotice(pi);
        meters.setPowerGuarantee(DisconnectionFixture.BUS, c.address(), true);

        fixture.fireNextTimer(pi.getId());
        assertThat(pi).isEnded().hasPassed("End_VerificationFailed");
        assertThat(relayOpen(c)).isFalse();
    }

    @Test
    void aRelayThatDoesNotMoveOpensAFieldOrderAndTheCrewRecordsTheCut() {
        TestCustomer c = fixture.customer();
        ProcessInstance pi = start(c);
        throughNotice(pi);
        meters.injectFault(DisconnectionFixture.BUS, c.address(), SimulatedFault.RELAY_STUCK, Integer.MAX_VALUE);

        fixture.fireNextTimer(pi.getId());
        assertThat(pi).isWaitingAt("Task_FieldCutOrder");
        assertThat(task(pi, "Task_FieldCutOrder")).hasCandidateGroup("field-crew-TQ-T01");
        assertThat(pi).variables().containsEntry("tripOutcome", "NOT_CONFIRMED");

        assertThatThrownBy(() -> complete(pi, "Task_FieldCutOrder", "fieldResult", "DONE")).hasMessageContaining("fieldTerminalId");
        complete(pi, "Task_FieldCutOrder", "fieldResult", "DONE", "fieldTerminalId", "ZJ-0087", "fieldDoneAt", now().toString());
        fixture.runDueJobs();
        assertThat(pi).isEnded();
        assertThat(outcome(pi)).isEqualTo("DISCONNECTED");
        assertThat(registry.get(c.customerNo()).meter().relayState()).isEqualTo(RelayState.OPEN);
    }

    @Test
    void aFieldOrderThatCouldNotCutEndsWithTheCrewsReason() {
        TestCustomer c = fixture.customer();
        ProcessInstance pi = start(c);
        throughNotice(pi);
        meters.injectFault(DisconnectionFixture.BUS, c.address(), SimulatedFault.SILENT, Integer.MAX_VALUE);

        fixture.fireNextTimer(pi.getId());
        assertThat(pi).isWaitingAt("Task_FieldCutOrder");
        complete(pi, "Task_FieldCutOrder", "fieldResult", "NOT_DONE", "fieldResultReason", "表箱上锁，客户不在");
        assertThat(pi).isEnded().hasPassed("End_FieldCutNotDone");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("outcomeReason")
                .singleResult().getValue()).isEqualTo("表箱上锁，客户不在");
    }

    @Test
    void theInstanceEndsAtDisconnectedAndATerminationStillWaitingForALeaderCannotRewriteIt() {
        TestCustomer c = fixture.customer();
        ProcessInstance pi = start(c);
        throughNotice(pi);
        runtime.createMessageCorrelation("Message_TerminationRequested").processInstanceId(pi.getId())
                .setVariable("terminationReason", "客户称将缴费").setVariable("terminationRequestedBy", "operator").correlate();
        assertThat(pi).isWaitingAt("Task_ApproveTermination", "Event_ExecutionWindowOpens");

        fixture.fireNextTimer(pi.getId());
        assertThat(pi).isEnded().hasPassed("End_Disconnected");
        assertThat(outcome(pi)).isEqualTo("DISCONNECTED");
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).as("no approval left behind").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM active_disconnection WHERE customer_no = ?").param(c.customerNo())
                .query(Long.class).single()).as("the customer's claim released").isZero();
    }

    @Test
    void anApprovedTerminationEndsTheProcessWithApproverAndReason() {
        TestCustomer c = fixture.customer();
        ProcessInstance pi = start(c);
        fixture.runDueJobs();
        runtime.createMessageCorrelation("Message_TerminationRequested").processInstanceId(pi.getId())
                .setVariable("terminationReason", "客户已申请分期缴费").setVariable("terminationRequestedBy", "operator").correlate();
        assertThat(pi).isWaitingAt("Task_ApproveTermination", "Event_ReminderPeriodElapsed");

        complete(pi, "Task_ApproveTermination", "terminationApproved", "true");
        assertThat(pi).isEnded().hasPassed("End_TerminatedByApproval");
        assertThat(outcome(pi)).isEqualTo("TERMINATED_BY_APPROVAL");
    }

    @Test
    void aRejectedTerminationLeavesTheProcessWhereItWas() {
        TestCustomer c = fixture.customer();
        ProcessInstance pi = start(c);
        fixture.runDueJobs();
        runtime.createMessageCorrelation("Message_TerminationRequested").processInstanceId(pi.getId())
                .setVariable("terminationReason", "想再等等").setVariable("terminationRequestedBy", "operator").correlate();
        complete(pi, "Task_ApproveTermination", "terminationApproved", "false", "terminationDecisionReason", "无正当理由");
        assertThat(pi).isWaitingAt("Event_ReminderPeriodElapsed");
        assertThat(pi).isNotEnded();
    }

    @Test
    void neverTwoDisconnectionsForOneCustomer() {
        TestCustomer c = fixture.customer();
        assertThat(starter.startFor(c.customerNo(), "TEST")).isTrue();
        assertThat(starter.isRunningFor(c.customerNo())).isTrue();
        assertThat(starter.startFor(c.customerNo(), "TEST")).isFalse();
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("arrears-disconnection", c.customerNo(),
                Map.of("customerNo", c.customerNo()))).isInstanceOf(DisconnectionAlreadyRunningException.class);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.customerNo()).count()).isEqualTo(1);
    }

    @Test
    void anEmergencyReconnectionEndsThePendingDisconnection() {
        TestCustomer c = fixture.customer();
        ProcessInstance pi = start(c);
        fixture.runDueJobs();
        runtime.createMessageCorrelation("Message_EmergencyReconnection").processInstanceBusinessKey(c.customerNo())
                .setVariable("emergencyReason", "DANGER_TO_LIFE").correlateAllWithResult();
        assertThat(pi).isEnded().hasPassed("End_EmergencyReconnection");
        assertThat(outcome(pi)).isEqualTo("EMERGENCY_RECONNECTION");
    }

    @Test
    void aBouncedSmsGivesTheDistrictManagerAVerificationTaskAndTheCutWaitsForAVerifiedContact() {
        TestCustomer c = fixture.customer();
        ProcessInstance pi = start(c);
        fixture.runDueJobs();
        runtime.createMessageCorrelation("Message_SmsDeliveryFailed").processInstanceId(pi.getId())
                .setVariable("smsFailureReason", "空号").correlate();
        assertThat(pi).isWaitingAt("Task_VerifyContactAfterBounce", "Event_ReminderPeriodElapsed");
        assertThat(task(pi, "Task_VerifyContactAfterBounce")).hasCandidateGroup("district-managers-TQ-T01");
    }

    @Test
    void aContactThatBouncedMeanwhileBlocksTheCutUntilTheDistrictManagerVerifiesIt() {
        TestCustomer c = fixture.customer();
        ProcessInstance pi = start(c);
        throughNotice(pi);
        registry.markContactUnverified(c.customerNo(), "13800001234", "SMS_RECEIPT");

        fixture.fireNextTimer(pi.getId());
        assertThat(pi).isWaitingAt("Task_VerifyContactBeforeCut");
        assertThat(relayOpen(c)).isFalse();
        complete(pi, "Task_VerifyContactBeforeCut", "contactPhone", "13800001234", "contactRole", "OWNER", "contactConfirmed", "true");

        assertThat(pi).isWaitingAt("Event_ExecutionWindowOpens");
        fixture.fireNextTimer(pi.getId());
        assertThat(pi).isEnded();
        assertThat(outcome(pi)).isEqualTo("DISCONNECTED");
    }

    @Test
    void anOperatorStartsFromTasklistWithTheStartFormAndTheBusinessKeyBecomesTheCustomerNumber() {
        TestCustomer c = fixture.customer();
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("arrears-disconnection").latestVersion().singleResult().getId();
        assertThat(engine.getFormService().getStartFormData(definitionId).getCamundaFormRef().getKey())
                .isEqualTo("disconnection-start");

        ProcessInstance pi = engine.getFormService().submitStartForm(definitionId, Map.of("customerNo", c.customerNo()));
        assertThat(pi.getBusinessKey()).isEqualTo(c.customerNo());
        assertThat(pi).variables().containsEntry("trigger", "TASKLIST");

        assertThatThrownBy(() -> engine.getFormService().submitStartForm(definitionId, Map.of("customerNo", "9999999999")))
                .hasMessageContaining("9999999999");
    }
}
