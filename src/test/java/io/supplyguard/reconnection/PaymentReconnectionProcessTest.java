package io.supplyguard.reconnection;

import static io.supplyguard.reconnection.PaymentReconnectionVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.supplyguard.customer.CloseMode;
import io.supplyguard.meter.MeterControl;
import io.supplyguard.meter.MeterSimulation.SimulatedFault;
import io.supplyguard.notification.Notifications;
import io.supplyguard.notification.SmsTemplate;
import io.supplyguard.meter.MeterCommandAudit;
import io.supplyguard.notification.SmsHistory;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/payment-reconnection.bpmn: one test per path, real delegates against the simulated meter bus. */
class PaymentReconnectionProcessTest extends ReconnectionTestSupport {

    @Autowired MeterCommandAudit commandAudit;
    @Autowired SmsHistory smsHistory;

    ProcessInstance reconnectionOf(TestCustomer c) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(c.customerNo()).singleResult();
    }

    long rows(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void paymentClearingArrearsOfADisconnectedCustomerClosesTheRelayRemotelyAndTellsTheCustomer() {
        at("2026-11-30T10:00:00+08:00");
        TestCustomer c = disconnectedCustomer();

        pay(c, "128.50", "0.00");

        ProcessInstance pi = reconnectionOf(c);
        assertThat(pi).isStarted().hasPassed(TASK_VERIFY_METER_IDENTITY).isWaitingAt(TASK_REMOTE_CLOSE)
                .variables().containsEntry(TRIGGER, "PAYMENT").containsEntry(METER_NO, c.meterNo())
                .containsEntry(DISTRICT, c.district()).containsEntry(CLOSE_MODE, "DIRECT_CLOSE");
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId(TASK_REMOTE_CLOSE).singleResult()
                .getPriority()).as("reconnection jobs are acquired ahead of cut jobs (priority 10)").isEqualTo(100L);
        assertThat(runtime.getVariable(pi.getId(), OVERNIGHT_DEADLINE))
                .isEqualTo(Date.from(OffsetDateTime.parse("2026-11-30T22:00:00+08:00").toInstant()));

        later(Duration.ofMinutes(3));
        executeDueJobs(pi.getId());

        assertThat(pi).isEnded().hasPassedInOrder(TASK_VERIFY_METER_IDENTITY, TASK_REMOTE_CLOSE,
                "Task_RecordRestoration", TASK_SEND_RECONNECTED_SMS, EVENT_RECONNECTED)
                .hasNotPassed(TASK_FIELD_RECONNECTION, TASK_SUPERVISE_RECONNECTION);
        assertThat(pi).variables().containsEntry(METER_CHECK, "MATCH").containsEntry(REMOTE_CLOSED, true)
                .containsEntry(REMOTE_CLOSE_OUTCOME, "CONFIRMED").containsEntry(RESTORED_BY, "REMOTE")
                .containsEntry(SECONDS_TO_RESTORE, 180L).containsEntry(SMS_SENT, true);
        assertThat(meterOpen(c)).isFalse();
        assertThat(relayState(c)).isEqualTo("CLOSED");
        assertThat(rows("SELECT seconds_to_restore FROM reconnection WHERE process_instance_id = ?", pi.getId())).isEqualTo(180L);
        assertThat(rows("SELECT COUNT(*) FROM reconnection WHERE process_instance_id = ? AND active_key IS NULL AND ended_at IS NOT NULL",
                pi.getId())).isEqualTo(1L);
        assertThat(smsHistory.of(c.customerNo())).anySatisfy(s -> {
            assertThat(s.template()).isEqualTo(SmsTemplate.RECONNECTED);
            assertThat(s.processInstanceId()).isEqualTo(pi.getId());
            assertThat(s.text()).contains("2026-11-30 10:03");
        });
    }

    @Test
    void aMeterConfiguredForPushButtonClosureGetsCloseAllowed() {
        TestCustomer c = customer(true, CloseMode.CLOSE_ALLOWED, "0.00");

        pay(c, "60.00", "0.00");
        ProcessInstance pi = reconnectionOf(c);
        executeDueJobs(pi.getId());

        assertThat(pi).isEnded().hasPassed(TASK_REMOTE_CLOSE, EVENT_RECONNECTED).hasNotPassed(TASK_FIELD_RECONNECTION);
        assertThat(pi).variables().containsEntry(CLOSE_MODE, "CLOSE_ALLOWED").containsEntry(REMOTE_CLOSED, true);
        assertThat(commandAudit.listForMeter(c.address())).extracting(MeterCommandAudit.MeterCommandRecord::command)
                .contains("CLOSE_ALLOWED").doesNotContain("DIRECT_CLOSE");
    }

    @Test
    void aPaymentLeavingArrearsOrACustomerStillSuppliedStartsNothingAndTwoPaymentsStartOneProcess() {
        TestCustomer owing = disconnectedCustomer();
        pay(owing, "10.00", "50.00");
        assertThat(reconnectionOf(owing)).isNull();

        TestCustomer supplied = customer(false, CloseMode.DIRECT_CLOSE, "0.00");
        pay(supplied, "10.00", "0.00");
        assertThat(reconnectionOf(supplied)).isNull();

        TestCustomer c = disconnectedCustomer();
        pay(c, "100.00", "0.00");
        pay(c, "5.00", "0.00");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(c.customerNo()).count()).isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM reconnection_payment WHERE customer_no = ? AND decision = 'RECONNECTION_RUNNING'",
                c.customerNo())).isEqualTo(1L);
        assertThat(rows("SELECT COUNT(*) FROM reconnection_payment WHERE customer_no = ? AND decision = 'ARREARS_REMAIN'",
                owing.customerNo())).isEqualTo(1L);
    }

    @Test
    void concurrentStartsForOneCustomerStartOneProcess() throws Exception {
        TestCustomer c = disconnectedCustomer();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var starts = new java.util.ArrayList<java.util.concurrent.Future<ReconnectionStarter.Start>>();
            for (int i = 0; i < 8; i++) {
                starts.add(pool.submit(() -> starter.start(c.customerNo(), ReconnectionStarter.Trigger.PAYMENT, null, null)));
            }
            long started = 0;
            java.util.Set<String> pids = new java.util.HashSet<>();
            for (var f : starts) {
                var start = f.get(30, java.util.concurrent.TimeUnit.SECONDS);
                started += start.started() ? 1 : 0;
                pids.add(start.processInstanceId());
            }
            assertThat(started).isEqualTo(1);
            assertThat(pids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(c.customerNo()).count()).isEqualTo(1);
    }

    @Autowired ReconnectionStarter starter;

    @Test
    void notRestoredWithinTheSlaTheReconnectionDeskGetsASupervisionTask() {
        at("2026-11-30T09:00:00+08:00");
        TestCustomer c = disconnectedCustomer();
        pay(c, "80.00", "0.00");
        ProcessInstance pi = reconnectionOf(c);
        Job sla = management.createJobQuery().processInstanceId(pi.getId()).timers().activityId(EVENT_SLA_ELAPSED).singleResult();
        assertThat(sla.getDuedate()).isEqualTo(Date.from(OffsetDateTime.parse("2026-11-30T09:30:00+08:00").toInstant()));

        // the bus is down: nothing has run when the SLA elapses
        later(Duration.ofMinutes(31));
        management.executeJob(sla.getId());

        assertThat(pi).isWaitingAt(TASK_SUPERVISE_RECONNECTION, TASK_REMOTE_CLOSE);
        Task supervision = task(TASK_SUPERVISE_RECONNECTION, pi);
        assertThat(supervision).hasCandidateGroup("reconnection-desk").hasFormKey(null);
        assertThat(supervision.getDueDate()).isEqualTo(Date.from(OffsetDateTime.parse("2026-11-30T22:00:00+08:00").toInstant()));
        assertThat(supervision.getPriority()).isEqualTo(70);
        complete(supervision, withVariables(SUPERVISION_ACTION, "CONTACTED_OPERATIONS", SUPERVISION_REMARK, "已通知采集运维"));

        executeDueJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed(TASK_SUPERVISE_RECONNECTION, EVENT_RECONNECTED);
    }

    @Test
    void restoredBeforeTheSlaTheOpenEscalationsEndWithTheProcess() {
        TestCustomer c = disconnectedCustomer();
        pay(c, "80.00", "0.00");
        ProcessInstance pi = reconnectionOf(c);
        later(Duration.ofMinutes(45));
        executeDueJobs(pi.getId()); // SLA timer and the reconnection both due: the process ends anyway

        assertThat(pi).isEnded();
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void notRestoredByTwentyTwoHundredOnThePaymentDayEscalatesToTheCountyDutyOfficer() {
        at("2026-11-30T15:00:00+08:00");
        TestCustomer c = disconnectedCustomer();
        simulation.injectFault(c.busId(), c.address(), SimulatedFault.RELAY_STUCK, Integer.MAX_VALUE);
        pay(c, "80.00", "0.00");
        ProcessInstance pi = reconnectionOf(c);
        executeDueJobs(pi.getId()); // remote close fails: field order open
        assertThat(pi).isWaitingAt(TASK_FIELD_RECONNECTION);

        Job overnight = management.createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(EVENT_OVERNIGHT_DEADLINE).singleResult();
        assertThat(overnight.getDuedate()).isEqualTo(Date.from(OffsetDateTime.parse("2026-11-30T22:00:00+08:00").toInstant()));
        at("2026-11-30T22:00:01+08:00");
        executeDueJobs(pi.getId());

        assertThat(pi).isWaitingAt(TASK_FIELD_RECONNECTION, TASK_SUPERVISE_RECONNECTION, TASK_HANDLE_OVERNIGHT);
        Task escalation = task(TASK_HANDLE_OVERNIGHT, pi);
        assertThat(escalation).hasCandidateGroup("county-duty");
        assertThat(escalation.getPriority()).isEqualTo(100);
        assertThat(escalation.getDueDate()).isEqualTo(overnight.getDuedate());
    }

    @Test
    void aPaymentAfterTheCutOffHourMustBeRestoredWithinTwoHours() {
        at("2026-11-30T22:30:00+08:00");
        TestCustomer c = disconnectedCustomer();
        simulation.injectFault(c.busId(), c.address(), SimulatedFault.SILENT, Integer.MAX_VALUE);
        pay(c, "80.00", "0.00");
        ProcessInstance pi = reconnectionOf(c);
        Date deadline = Date.from(OffsetDateTime.parse("2026-12-01T00:30:00+08:00").toInstant());
        assertThat(runtime.getVariable(pi.getId(), OVERNIGHT_DEADLINE)).isEqualTo(deadline);

        executeDueJobs(pi.getId());
        assertThat(pi).isWaitingAt(TASK_FIELD_RECONNECTION).variables().containsEntry(METER_CHECK, "UNREADABLE");
        at("2026-12-01T00:29:00+08:00");
        executeDueJobs(pi.getId());
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_HANDLE_OVERNIGHT).count()).isZero();

        at("2026-12-01T00:30:01+08:00");
        executeDueJobs(pi.getId());
        assertThat(task(TASK_HANDLE_OVERNIGHT, pi)).hasCandidateGroup("county-duty");
    }

    @Test
    void aFailedRemoteCloseOpensAnUrgentFieldOrderAndTheProcessWaitsForIt() {
        TestCustomer c = disconnectedCustomer();
        simulation.injectFault(c.busId(), c.address(), SimulatedFault.RELAY_STUCK, Integer.MAX_VALUE);
        pay(c, "80.00", "0.00");
        ProcessInstance pi = reconnectionOf(c);
        executeDueJobs(pi.getId());

        assertThat(pi).isWaitingAt(TASK_FIELD_RECONNECTION).variables().containsEntry(REMOTE_CLOSED, false)
                .containsEntry(REMOTE_CLOSE_OUTCOME, "NOT_CONFIRMED");
        Task order = task(TASK_FIELD_RECONNECTION, pi);
        assertThat(order).hasCandidateGroup("field-crew-" + c.district());
        assertThat(order.getPriority()).isEqualTo(90);
        assertThat((String) runtime.getVariable(pi.getId(), FIELD_ORDER_REASON)).contains("远程合闸失败");
        assertThat(rows("SELECT COUNT(*) FROM reconnection_field_order WHERE task_id = ? AND closed_at IS NULL", order.getId())).isEqualTo(1L);

        // could not restore: a reason is mandatory, then the order goes out again
        assertThatThrownBy(() -> tasks.complete(order.getId(), withVariables(FIELD_RESULT, "NOT_RESTORED", FIELD_REMARK, " ")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("原因");
        complete(order, withVariables(FIELD_RESULT, "NOT_RESTORED", FIELD_REMARK, "客户不在家，表箱上锁"));
        Task second = task(TASK_FIELD_RECONNECTION, pi);
        assertThat(second.getId()).isNotEqualTo(order.getId());
        assertThat(runtime.getVariable(pi.getId(), FIELD_RESULT)).as("reissued order: decide afresh").isNull();

        // the crew reports restored but the meter still reads open: back to the crew
        complete(second, withVariables(FIELD_RESULT, "RESTORED", FIELD_REMARK, "已合闸"));
        executeDueJobs(pi.getId());
        Task third = task(TASK_FIELD_RECONNECTION, pi);
        assertThat((String) runtime.getVariable(pi.getId(), FIELD_ORDER_REASON)).contains("仍为断开");

        // closed by hand at the meter box
        simulation.clearFaults(c.busId(), c.address());
        simulation.forceRelay(c.busId(), c.address(), false);
        complete(third, withVariables(FIELD_RESULT, "RESTORED", FIELD_REMARK, "现场手动合闸"));
        executeDueJobs(pi.getId());

        assertThat(pi).isEnded().hasPassed(TASK_VERIFY_FIELD_RESTORE, "Event_RestoredOnSite", EVENT_RECONNECTED);
        assertThat(pi).variables().containsEntry(RESTORED_BY, "FIELD");
        assertThat(relayState(c)).isEqualTo("CLOSED");
        assertThat(rows("SELECT COUNT(*) FROM reconnection_field_order WHERE process_instance_id = ? AND closed_at IS NOT NULL",
                pi.getId())).isEqualTo(3L);
        assertThat(rows("SELECT COUNT(*) FROM reconnection WHERE process_instance_id = ? AND restored_by = 'FIELD'", pi.getId()))
                .isEqualTo(1L);
    }

    @Test
    void aMeterReportingAnotherMeterNumberIsNotClosedButSentToTheField() {
        TestCustomer c = disconnectedCustomer();
        simulation.injectFault(c.busId(), c.address(), SimulatedFault.WRONG_METER_NUMBER, 1);
        pay(c, "80.00", "0.00");
        ProcessInstance pi = reconnectionOf(c);
        executeDueJobs(pi.getId());

        // the close's first frame reads the number; no control frame follows it
        assertThat(pi).isWaitingAt(TASK_FIELD_RECONNECTION).variables().containsEntry(METER_CHECK, "MISMATCH")
                .containsEntry(REMOTE_CLOSE_OUTCOME, "WRONG_METER");
        assertThat((String) runtime.getVariable(pi.getId(), FIELD_ORDER_REASON)).contains("表号不符");
        assertThat(meterOpen(c)).as("no wrong reconnection").isTrue();
    }

    @Test
    void paidWhileTheTripWasInFlightReconnectsRightAfterTheTripIsConfirmed() {
        at("2026-11-30T10:00:00+08:00");
        TestCustomer c = customer(false, CloseMode.DIRECT_CLOSE, "90.00");
        // the disconnection process has sent the trip; the customer pays before it is confirmed
        pay(c, "90.00", "0.00");
        assertThat(reconnectionOf(c)).as("relay still closed when the payment arrives").isNull();

        later(Duration.ofMinutes(1));
        tripConfirmed(c);

        ProcessInstance pi = reconnectionOf(c);
        assertThat(pi).isStarted().variables().containsEntry(TRIGGER, "TRIP_CONFIRMED");
        assertThat(runtime.getVariable(pi.getId(), PAID_AT))
                .as("SLA counts from the payment").isEqualTo(Date.from(OffsetDateTime.parse("2026-11-30T10:00:00+08:00").toInstant()));
        executeDueJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed(EVENT_RECONNECTED);
        assertThat(meterOpen(c)).isFalse();
        assertThat(pi).variables().containsEntry(SECONDS_TO_RESTORE, 60L);
    }

    @Test
    void aConfirmedTripOfACustomerWhoStillOwesStartsNothing() {
        TestCustomer c = customer(false, CloseMode.DIRECT_CLOSE, "90.00");
        tripConfirmed(c);
        assertThat(reconnectionOf(c)).isNull();
        assertThat(rows("SELECT COUNT(*) FROM reconnection_trip WHERE customer_no = ? AND decision = 'ARREARS_REMAIN'",
                c.customerNo())).isEqualTo(1L);
    }
}
