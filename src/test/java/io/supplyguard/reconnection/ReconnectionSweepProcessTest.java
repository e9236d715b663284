package io.supplyguard.reconnection;

import static io.supplyguard.reconnection.ReconnectionSweepVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.supplyguard.customer.CloseMode;
import io.supplyguard.meter.MeterSimulation.SimulatedFault;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * processes/reconnection-sweep.bpmn: timer start at the configured business times, reconnection
 * started where none runs, the list published to an enterprise-WeChat robot (a local HTTP server
 * here) and served as a report, and the duty officer's closed-loop follow-up.
 */
@AutoConfigureMockMvc
class ReconnectionSweepProcessTest extends ReconnectionTestSupport {

    record Received(String path, String body) {
    }

    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    static volatile String robotAnswer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    static HttpServer robot;

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry properties) throws IOException {
        robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        robot.createContext("/cgi-bin/webhook/send", exchange -> {
            RECEIVED.add(new Received(exchange.getRequestURI().toString(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] answer = robotAnswer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        robot.start();
        properties.add("supplyguard.reconnection.webhook.url",
                () -> "http://127.0.0.1:" + robot.getAddress().getPort() + "/cgi-bin/webhook/send?key=test-key");
    }

    @AfterAll
    static void stopRobot() {
        robot.stop(0);
    }

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @BeforeEach
    void robotAcceptsAndOnlyThisTestsCustomersAreCutOff() {
        jdbc.sql("UPDATE meter SET relay_state = 'CLOSED' WHERE relay_state = 'OPEN'").update();
        RECEIVED.clear();
        robotAnswer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    }

    Job sweepTimer() {
        return management.createJobQuery().timers().activityId(EVENT_SWEEP_TIME).singleResult();
    }

    /** Fires a sweep timer and returns the sweep it started, waiting at its first async step. */
    ProcessInstance fire() {
        List<String> before = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).list().stream()
                .map(ProcessInstance::getId).toList();
        management.executeJob(sweepTimer().getId());
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).list().stream()
                .filter(p -> !before.contains(p.getId())).findFirst().orElseThrow();
    }

    @Test
    void theSweepRunsAtEightThirtyAndSeventeenThirtyBusinessTimeEveryDay() {
        ZonedDateTime due = sweepTimer().getDuedate().toInstant().atZone(SHANGHAI);
        assertThat(List.of(due.getHour(), due.getMinute())).isIn(List.of(8, 30), List.of(17, 30));

        // each firing schedules the next one at the other business time
        ZonedDateTime previous = due;
        for (int i = 0; i < 3; i++) {
            ClockUtil.setCurrentTime(Date.from(previous.toInstant().plusSeconds(1)));
            ProcessInstance sweep = fire();
            runtime.deleteProcessInstance(sweep.getId(), "test: only the schedule matters");
            ZonedDateTime next = sweepTimer().getDuedate().toInstant().atZone(SHANGHAI);
            assertThat(Duration.between(previous, next)).isIn(Duration.ofHours(9), Duration.ofHours(15));
            assertThat(List.of(next.getHour(), next.getMinute())).isIn(List.of(8, 30), List.of(17, 30));
            previous = next;
        }
    }

    @Test
    void sweepStartsReconnectionWhereNoneRunsPublishesTheListAndClosesTheLoopOnlyWhenEveryoneIsHandled() throws Exception {
        TestCustomer forgotten = disconnectedCustomer(); // cut, owes nothing, nothing running
        TestCustomer running = disconnectedCustomer();
        simulation.injectFault(running.busId(), running.address(), SimulatedFault.RELAY_STUCK, Integer.MAX_VALUE);
        pay(running, "20.00", "0.00");
        String runningPid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(running.customerNo())
                .processDefinitionKey(PaymentReconnectionVariables.PROCESS_ID).singleResult().getId();
        executeDueJobs(runningPid); // remote close fails: field order open
        TestCustomer owing = customer(true, CloseMode.DIRECT_CLOSE, "300.00");
        TestCustomer supplied = customer(false, CloseMode.DIRECT_CLOSE, "0.00");

        JsonNode report = json.readTree(mvc.perform(get("/api/reports/disconnected-without-arrears"))
                .andReturn().getResponse().getContentAsString());
        assertThat(report.at("/customers").findValuesAsText("customerNo"))
                .contains(forgotten.customerNo(), running.customerNo())
                .doesNotContain(owing.customerNo(), supplied.customerNo());

        ProcessInstance sweep = fire();
        assertThat(sweep).hasPassed(TASK_FIND_DISCONNECTED_WITHOUT_ARREARS).isWaitingAt(TASK_START_RECONNECTIONS);
        executeDueJobs(sweep.getId());

        assertThat(sweep).isWaitingAt(TASK_CLOSE_SWEEP_LOOP).variables().containsEntry(REPORT_PUBLISHED, true);
        ProcessInstance started = runtime.createProcessInstanceQuery().processInstanceBusinessKey(forgotten.customerNo())
                .processDefinitionKey(PaymentReconnectionVariables.PROCESS_ID).singleResult();
        assertThat(started).isNotNull();
        assertThat(runtime.getVariable(started.getId(), PaymentReconnectionVariables.TRIGGER)).isEqualTo("SWEEP");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(running.customerNo())
                .processDefinitionKey(PaymentReconnectionVariables.PROCESS_ID).count()).as("never two").isEqualTo(1);

        // the robot got the list in the enterprise-WeChat markdown format
        assertThat(RECEIVED).hasSize(1);
        assertThat(RECEIVED.get(0).path()).contains("key=test-key");
        JsonNode message = json.readTree(RECEIVED.get(0).body());
        assertThat(message.at("/msgtype").asText()).isEqualTo("markdown");
        assertThat(message.at("/markdown/content").asText()).contains("停电无欠费客户清单")
                .contains(forgotten.customerNo(), running.customerNo()).doesNotContain(owing.customerNo());

        Task followUp = task(TASK_CLOSE_SWEEP_LOOP, sweep);
        assertThat(followUp).hasCandidateGroup("county-duty");
        assertThat((String) runtime.getVariable(sweep.getId(), SWEEP_SUMMARY)).contains(forgotten.customerNo());

        // "forgotten" is neither restored nor under a field order yet: the loop cannot be closed
        assertThatThrownBy(() -> tasks.complete(followUp.getId(), withVariables(FOLLOW_UP_REMARK, "已核查")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining(forgotten.customerNo())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(running.customerNo()));

        executeDueJobs(started.getId());
        assertThat(started).isEnded();
        complete(followUp, withVariables(FOLLOW_UP_REMARK, "已全部复电或派现场工单"));
        assertThat(sweep).isEnded().hasPassed("Event_SweepClosed");
    }

    @Test
    void aCustomerAllowedToCloseAtTheMeterButtonIsNotListedUntilCutAgain() throws Exception {
        at("2026-11-30T10:00:00+08:00");
        TestCustomer c = customer(true, CloseMode.CLOSE_ALLOWED, "0.00");
        pay(c, "30.00", "0.00");
        String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.customerNo())
                .processDefinitionKey(PaymentReconnectionVariables.PROCESS_ID).singleResult().getId();
        later(java.time.Duration.ofMinutes(2));
        executeDueJobs(pid);
        // as on a real meter: close allowed granted, the relay stays open until the customer presses the button
        jdbc.sql("UPDATE meter SET relay_state = 'OPEN', relay_confirmed_at = ? WHERE meter_no = ?")
                .params(java.time.OffsetDateTime.parse("2026-11-30T10:00:00+08:00"), c.meterNo()).update();

        assertThat(listed()).doesNotContain(c.customerNo());

        later(java.time.Duration.ofDays(1));
        simulation.forceRelay(c.busId(), c.address(), true);
        transaction.executeWithoutResult(s -> registry.recordRelayState(c.meterNo(), io.supplyguard.customer.RelayState.OPEN));
        assertThat(listed()).as("cut again after the restoration").contains(c.customerNo());
    }

    List<String> listed() throws Exception {
        return json.readTree(mvc.perform(get("/api/reports/disconnected-without-arrears")).andReturn().getResponse()
                .getContentAsString()).at("/customers").findValuesAsText("customerNo");
    }

    @Test
    void aRobotRefusingTheReportIsRetriedNotSwallowed() {
        disconnectedCustomer();
        robotAnswer = "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}";
        ProcessInstance sweep = fire();
        management.executeJob(management.createJobQuery().processInstanceId(sweep.getId()).singleResult().getId());

        Job publish = management.createJobQuery().processInstanceId(sweep.getId()).singleResult();
        assertThatThrownBy(() -> management.executeJob(publish.getId())).hasMessageContaining("93000");
        Job failed = management.createJobQuery().processInstanceId(sweep.getId()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(2);
        assertThat(failed.getExceptionMessage()).contains("93000");
        assertThat(sweep).isWaitingAt(TASK_PUBLISH_SWEEP_REPORT);
    }
}
