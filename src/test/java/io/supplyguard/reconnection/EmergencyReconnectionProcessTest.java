package io.supplyguard.reconnection;

import static io.supplyguard.reconnection.EmergencyReconnectionVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.supplyguard.customer.CloseMode;
import io.supplyguard.meter.MeterSimulation.SimulatedFault;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** processes/emergency-reconnection.bpmn: one test per path, real delegates against the simulated meter bus. */
@RecordApplicationEvents
class EmergencyReconnectionProcessTest extends ReconnectionTestSupport {

    @Autowired FormService forms;
    @Autowired RepositoryService repository;
    @Autowired HistoryService history;
    @Autowired ApplicationEvents applicationEvents;

    /** The real arrears-disconnection, waiting somewhere before the cut. */
    ProcessInstance runningDisconnection(TestCustomer c) {
        ProcessInstance disconnection = runtime.startProcessInstanceByKey("arrears-disconnection", c.customerNo(),
                Map.of("customerNo", c.customerNo(), "trigger", "TEST"));
        assertThat(disconnection).isNotEnded();
        return disconnection;
    }

    /** As Tasklist submits the start form. */
    ProcessInstance report(TestCustomer c) {
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_ID).latestVersion()
                .singleResult().getId();
        return forms.submitStartForm(definitionId, Map.of(CUSTOMER_NO, c.customerNo(), EMERGENCY_REASON, "DANGER_TO_LIFE",
                EMERGENCY_DESCRIPTION, "家中有人使用制氧机", REPORTER_NAME, "李四", REPORTER_PHONE, "13900001111"));
    }

    @Test
    void emergencyClosesAtOnceGuaranteesPowerEndsTheDisconnectionAndReleasesOnlyWithLeaderApproval() {
        at("2026-11-30T10:00:00+08:00");
        TestCustomer c = customer(true, CloseMode.CLOSE_ALLOWED, "560.00");
        ProcessInstance disconnection = runningDisconnection(c);

        ProcessInstance pi = report(c);

        assertThat(pi.getBusinessKey()).isEqualTo(c.customerNo());
        assertThat(registry.get(c.customerNo()).meter().powerGuarantee()).as("registry flag set in the start transaction").isTrue();
        assertThat(disconnection).isEnded();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(disconnection.getId())
                .variableName(EMERGENCY_REASON).singleResult().getValue()).isEqualTo("DANGER_TO_LIFE");
        assertThat(pi).isWaitingAt(TASK_POWER_GUARANTEE_ON).variables().containsEntry(DISCONNECTIONS_STOPPED, 1);

        later(Duration.ofMinutes(2));
        executeDueJobs(pi.getId());

        assertThat(pi).isWaitingAt(EVENT_GUARANTEE_PERIOD_ELAPSED).hasPassed(TASK_EMERGENCY_CLOSE)
                .hasNotPassed(TASK_EMERGENCY_FIELD_RECONNECTION);
        assertThat(pi).variables().containsEntry(METER_GUARANTEE_SET, true).containsEntry(SECONDS_TO_RESTORE, 120L);
        assertThat(meterOpen(c)).as("emergencies close directly even on push-button meters").isFalse();
        assertThat(simulation.status(c.busId(), c.address()).powerGuarantee()).isTrue();
        Job period = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(period.getDuedate()).isEqualTo(new Date(ClockUtilNow() + Duration.ofDays(3).toMillis()));

        // the period elapses; the leader refuses once (reason mandatory), then approves
        later(Duration.ofDays(3).plusMinutes(1));
        executeDueJobs(pi.getId());
        Task approval = task(TASK_APPROVE_GUARANTEE_RELEASE, pi);
        assertThat(approval).hasCandidateGroup("leaders");
        assertThatThrownBy(() -> tasks.complete(approval.getId(), withVariables(RELEASE_DECISION, "REJECTED")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("理由");
        complete(approval, withVariables(RELEASE_DECISION, "REJECTED", RELEASE_REMARK, "病人仍在家中治疗"));
        assertThat(pi).isWaitingAt(EVENT_GUARANTEE_PERIOD_ELAPSED);
        assertThat(registry.get(c.customerNo()).meter().powerGuarantee()).isTrue();

        later(Duration.ofDays(3).plusMinutes(1));
        executeDueJobs(pi.getId());
        complete(task(TASK_APPROVE_GUARANTEE_RELEASE, pi), withVariables(RELEASE_DECISION, "APPROVED", RELEASE_REMARK, "已转院"));
        executeDueJobs(pi.getId());

        assertThat(pi).isEnded().hasPassed(TASK_POWER_GUARANTEE_OFF, EVENT_GUARANTEE_RELEASED);
        assertThat(simulation.status(c.busId(), c.address()).powerGuarantee()).isFalse();
        assertThat(registry.get(c.customerNo()).meter().powerGuarantee()).isFalse();
        assertThat(applicationEvents.stream(PowerGuaranteeReleased.class))
                .anyMatch(e -> e.customerNo().equals(c.customerNo()) && e.processInstanceId().equals(pi.getId()));
    }

    private static long ClockUtilNow() {
        return org.camunda.bpm.engine.impl.util.ClockUtil.now().getTime();
    }

    @Test
    void aFailedEmergencyCloseSendsTheFieldCrewAndTheGuaranteeHoldsMeanwhile() {
        TestCustomer c = disconnectedCustomer();
        simulation.injectFault(c.busId(), c.address(), SimulatedFault.RELAY_STUCK, Integer.MAX_VALUE);
        ProcessInstance pi = report(c);
        executeDueJobs(pi.getId());

        assertThat(pi).isWaitingAt(TASK_EMERGENCY_FIELD_RECONNECTION).variables().containsEntry(REMOTE_CLOSED, false);
        Task order = task(TASK_EMERGENCY_FIELD_RECONNECTION, pi);
        assertThat(order).hasCandidateGroup("field-crew-" + c.district());
        assertThat(order.getPriority()).isEqualTo(100);
        assertThat(registry.get(c.customerNo()).meter().powerGuarantee()).isTrue();

        simulation.clearFaults(c.busId(), c.address());
        simulation.forceRelay(c.busId(), c.address(), false);
        complete(order, withVariables(FIELD_RESULT, "RESTORED", FIELD_REMARK, "现场合闸"));
        executeDueJobs(pi.getId());
        assertThat(pi).isWaitingAt(EVENT_GUARANTEE_PERIOD_ELAPSED).variables().containsEntry(RESTORED_BY, "FIELD");
    }

    @Test
    void aMeterNotConfirmingGuaranteeOffIsRetriedThenAnIncidentAndArrearsHandlingStaysBlocked() {
        TestCustomer c = disconnectedCustomer();
        ProcessInstance pi = report(c);
        executeDueJobs(pi.getId());
        later(Duration.ofDays(3).plusMinutes(1));
        executeDueJobs(pi.getId());
        complete(task(TASK_APPROVE_GUARANTEE_RELEASE, pi), withVariables(RELEASE_DECISION, "APPROVED", RELEASE_REMARK, "险情已排除"));
        simulation.injectFault(c.busId(), c.address(), SimulatedFault.SILENT, Integer.MAX_VALUE);

        for (int attempt = 0; attempt < 3; attempt++) {
            Job off = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
            assertThatThrownBy(() -> management.executeJob(off.getId())).hasMessageContaining("not confirmed");
        }

        Job exhausted = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(exhausted.getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult().getActivityId())
                .isEqualTo(TASK_POWER_GUARANTEE_OFF);
        assertThat(pi).isWaitingAt(TASK_POWER_GUARANTEE_OFF);
        assertThat(registry.get(c.customerNo()).meter().powerGuarantee()).as("still protected until the meter confirms").isTrue();
    }

    @Test
    void anUnknownCustomerOrASecondEmergencyForTheSameCustomerIsRefusedToTheReporter() {
        TestCustomer unknown = new TestCustomer("3999999999", "000000000000", "bus-x", "000000000000", "TQ-X");
        assertThatThrownBy(() -> report(unknown)).isInstanceOf(ProcessEngineException.class).hasMessageContaining("不存在");

        TestCustomer c = disconnectedCustomer();
        report(c);
        assertThatThrownBy(() -> report(c)).isInstanceOf(ProcessEngineException.class).hasMessageContaining("已有应急复电在办");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).processInstanceBusinessKey(c.customerNo()).count())
                .isEqualTo(1);
    }
}
