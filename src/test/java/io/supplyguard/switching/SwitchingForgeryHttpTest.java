package io.supplyguard.switching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.disconnection.DisconnectionScenarios;
import io.supplyguard.disconnection.DisconnectionScenarios.Customer;
import io.supplyguard.meter.MeterSimulation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 14: whatever a user sends over {@code /engine-rest} — extra variables on a task completion,
 * variables set on a task before completing it, a forged approval, a token moved by an admin
 * straight to the trip, a timer fired early — no trip frame reaches a meter that must not be cut.
 * The task write guard (issue 15) already refuses a completion's extra fields; the kernel must not
 * rely on it, so each test also puts the forged variables into the instance the way that stays
 * open (an administrator's variable edit) and lets the process run on them.
 * The ground truth is the simulator's own record of the control frames it received; every
 * refusal is on the customer's timeline ({@code /api/customers/{no}/timeline}).
 * Same annotations as the browser tests (demo users, password = user id): it shares their context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class SwitchingForgeryHttpTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired CustomerRegistry registry;
    @Autowired MeterSimulation meters;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    DisconnectionScenarios scenarios;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(engine);
        scenarios = new DisconnectionScenarios(context);
    }

    @AfterEach
    void tearDown() {
        scenarios.close();
    }

    @Test
    void aManagerCompletingHisOwnNoticeWithAnotherCustomersNumbersAndNoLeadDaysTripsNobody() throws Exception {
        Customer mine = scenarios.customer("TQ-001");
        Customer victim = scenarios.customer("TQ-003");
        String mineId = scenarios.atNoticePosting(mine);
        scenarios.atNoticePosting(victim); // her notice is never posted
        String taskId = scenarios.task(mineId, "Task_RecordNoticePosting").getId();

        ObjectNode forged = json.createObjectNode().put("customerNo", victim.customerNo()).put("meterNo", meterNo(victim))
                .put("noticeLeadDays", 0).put("startedAt", "2020-01-01T00:00:00+08:00")
                .put("earliestExecutionAt", scenarios.now().toString());
        assertForgedCompletionRefused("manager", taskId, forged);
        adminWritesIntoTheInstance(mineId, forged);
        HttpResponse<String> completed = complete("manager", taskId, honestNotice());
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

        // the lead days are the decision table's on the registry's data: the window timer waits 7 notice days
        Job timer = timerOf(mineId);
        assertThat(timer.getDuedate().toInstant()).isAfter(scenarios.now().plus(Duration.ofSeconds(7 * 30 - 1)).toInstant());
        // an administrator fires it early anyway (Cockpit: execute job)
        assertThat(call("admin", "POST", "/engine-rest/job/" + timer.getId() + "/execute", "{}").statusCode()).isEqualTo(204);
        scenarios.runDueJobs(mineId);

        assertThat(meters.tripFramesReceived("bus-1", victim.address())).isZero();
        assertThat(meters.tripFramesReceived("bus-1", mine.address())).isZero();
        assertThat(refusals(mine)).contains("NOTICE_PERIOD_RUNNING");
        assertThat(outcome(mineId)).isEqualTo("VERIFICATION_FAILED");
        assertThat(timelineTitles(mine)).anyMatch(t -> t.contains("拒绝: NOTICE_PERIOD_RUNNING"));
    }

    @Test
    void variablesSetOnTheTaskBeforeCompletingItDoNotChooseWhoIsCut() throws Exception {
        Customer mine = scenarios.customer("TQ-001");
        Customer victim = scenarios.customer("TQ-003");
        String mineId = scenarios.atNoticePosting(mine);
        scenarios.atNoticePosting(victim);
        String taskId = scenarios.task(mineId, "Task_RecordNoticePosting").getId();

        for (Map.Entry<String, String> forged : Map.of("customerNo", victim.customerNo(), "meterNo", meterNo(victim)).entrySet()) {
            HttpResponse<String> set = call("manager", "PUT", "/engine-rest/task/" + taskId + "/variables/" + forged.getKey(),
                    "{\"value\":\"" + forged.getValue() + "\",\"type\":\"String\"}");
            assertThat(set.statusCode()).as("refused by the task write guard").isBetween(400, 499);
        }
        adminWritesIntoTheInstance(mineId, json.createObjectNode().put("customerNo", victim.customerNo())
                .put("meterNo", meterNo(victim)));
        assertThat(complete("manager", taskId, honestNotice()).statusCode()).isEqualTo(204);
        scenarios.fireNextTimer(mineId); // the real notice period is over: the cut is due

        assertThat(meters.tripFramesReceived("bus-1", victim.address())).isZero();
        assertThat(meters.tripFramesReceived("bus-1", mine.address())).isOne();
        assertThat(outcome(mineId)).isEqualTo("DISCONNECTED");
    }

    @Test
    void aForgedApprovalOnTheNoticeTaskDoesNotCutASafetySensitiveCustomer() throws Exception {
        Customer lifeSupport = scenarios.safetySensitiveCustomer("TQ-001");
        String id = scenarios.atNoticePosting(lifeSupport);
        String taskId = scenarios.task(id, "Task_RecordNoticePosting").getId();

        ObjectNode forged = json.createObjectNode().put("approvalRequired", false).put("disconnectionApproved", true)
                .put("disconnectionDecidedBy", "leader").put("path", "ORDINARY");
        assertForgedCompletionRefused("manager", taskId, forged);
        adminWritesIntoTheInstance(id, forged);
        assertThat(complete("manager", taskId, honestNotice()).statusCode()).isEqualTo(204);
        // the forged approvalRequired skipped the leader's task: the model goes straight to the window
        assertThat(runtime.getActiveActivityIds(id)).containsExactly("Event_ExecutionWindowOpens");
        scenarios.fireNextTimer(id);

        assertThat(meters.tripFramesReceived("bus-1", lifeSupport.address())).isZero();
        assertThat(refusals(lifeSupport)).contains("APPROVAL_MISSING");
    }

    @Test
    void aForgedSupplyCutFlagHidesTheInstanceFromThePaymentButNotFromTheLedger() throws Exception {
        Customer payer = scenarios.customer("TQ-001");
        String id = scenarios.atNoticePosting(payer);
        String taskId = scenarios.task(id, "Task_RecordNoticePosting").getId();
        ObjectNode forged = json.createObjectNode().put("supplyCut", true);
        assertForgedCompletionRefused("manager", taskId, forged);
        adminWritesIntoTheInstance(id, forged);
        assertThat(complete("manager", taskId, honestNotice()).statusCode()).isEqualTo(204);

        HttpResponse<String> paid = call("billing", "POST", "/api/payments", json.writeValueAsString(Map.of(
                "paymentId", "FORGE-" + payer.customerNo(), "customerNo", payer.customerNo(), "amount", "235.50",
                "paidAt", scenarios.now().toString(), "channel", "COUNTER")));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        context.getBean(io.supplyguard.testsupport.AfterCommitEvents.class).awaitQuiet();
        scenarios.fireNextTimer(id);

        assertThat(meters.tripFramesReceived("bus-1", payer.address())).isZero();
        assertThat(refusals(payer)).contains("PAID_BEFORE_CUT");
    }

    @Test
    void anAdministratorMovingTheTokenStraightToTheTripIsRefusedAtTheLastMoment() throws Exception {
        Customer unnoticed = scenarios.customer("TQ-001");
        String id = scenarios.atNoticePosting(unnoticed);

        HttpResponse<String> moved = call("admin", "POST", "/engine-rest/process-instance/" + id + "/modification",
                "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_RemoteTrip\"}]}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
        scenarios.runDueJobs(id);

        assertThat(meters.tripFramesReceived("bus-1", unnoticed.address())).isZero();
        assertThat(refusals(unnoticed)).contains("NOTICE_MISSING");
        assertThat(jdbc.sql("SELECT outcome FROM meter_command WHERE process_instance_id = ? AND command = 'TRIP'")
                .param(id).query(String.class).list()).containsExactly("REFUSED");
    }

    @Test
    void aForgedEarliestExecutionOnTheWrittenNoticesTaskDoesNotCutAnImportantCustomerEarly() throws Exception {
        Customer hospital = scenarios.importantCustomer("TQ-001");
        String id = scenarios.atNoticePosting(hospital);
        assertThat(complete("manager", scenarios.task(id, "Task_RecordNoticePosting").getId(), honestNotice()).statusCode())
                .isEqualTo(204);
        assertThat(complete("leader", scenarios.task(id, "Task_ApproveDisconnection").getId(),
                json.createObjectNode().put("disconnectionApproved", true)).statusCode()).isEqualTo(204);
        String child = runtime.createProcessInstanceQuery().superProcessInstanceId(id).singleResult().getId();
        String written = scenarios.task(child, "Task_RecordWrittenNotices").getId();

        // the notice period (3 notice days of the demo's 30 s for a non-residential customer) is still
        // running: the operator claims it is over, then picks T inside it (T - 1 min, the warning, is now + 10 s)
        assertThat(call("operator", "PUT", "/engine-rest/task/" + written + "/variables/earliestExecutionAt",
                "{\"value\":\"" + scenarios.now() + "\",\"type\":\"String\"}").statusCode()).isBetween(400, 499);
        adminWritesIntoTheInstance(child, json.createObjectNode().put("earliestExecutionAt", scenarios.now().toString()));
        ObjectNode notices = json.createObjectNode().put("noticeTime", scenarios.now().plusSeconds(70).toString());
        for (String body : List.of("powerAdmin", "supervisingBody", "localGovernment", "judicial")) {
            notices.put(body + "NoticeRef", "文〔2026〕" + body).put(body + "NoticeDate", scenarios.now().toLocalDate().toString());
        }
        HttpResponse<String> recorded = complete("operator", written, notices);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(204);
        while (runtime.createProcessInstanceQuery().processInstanceId(child).count() > 0) {
            scenarios.fireNextTimer(child); // warning at T - 1 min, order at T, execution at T + 1 min
        }
        scenarios.runDueJobs(id);

        assertThat(meters.tripFramesReceived("bus-1", hospital.address())).isZero();
        assertThat(refusals(hospital)).contains("NOTICE_PERIOD_RUNNING");
    }

    /** The forged fields on the completion itself: the task write guard refuses them, nothing is completed. */
    private void assertForgedCompletionRefused(String user, String taskId, ObjectNode forged) throws Exception {
        ObjectNode fields = honestNotice();
        fields.setAll(forged);
        HttpResponse<String> refused = complete(user, taskId, fields);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    }

    /** POST /process-instance/{id}/variables as the administrator: the forged values are in the instance now. */
    private void adminWritesIntoTheInstance(String processInstanceId, ObjectNode fields) throws Exception {
        ObjectNode body = json.createObjectNode();
        body.set("modifications", typed(fields));
        HttpResponse<String> written = call("admin", "POST", "/engine-rest/process-instance/" + processInstanceId + "/variables",
                body.toString());
        assertThat(written.statusCode()).as(written.body()).isEqualTo(204);
    }

    private ObjectNode honestNotice() {
        return json.createObjectNode().put("noticePostedAt", scenarios.now().toString()).put("noticePlace", "单元楼门口")
                .put("noticeEvidenceRef", "IMG-FORGERY");
    }

    private String meterNo(Customer customer) {
        return registry.get(customer.customerNo()).meter().meterNo();
    }

    private Job timerOf(String processInstanceId) {
        return management.createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
    }

    private List<String> refusals(Customer customer) {
        return jdbc.sql("SELECT reason_code FROM switching_decision WHERE customer_no = ? AND NOT allowed")
                .param(customer.customerNo()).query(String.class).list();
    }

    private Object outcome(String processInstanceId) {
        var variable = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName("outcome").singleResult();
        return variable == null ? null : variable.getValue();
    }

    private List<String> timelineTitles(Customer customer) throws Exception {
        HttpResponse<String> timeline = call("auditor", "GET", "/api/customers/" + customer.customerNo() + "/timeline", null);
        assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(200);
        JsonNode body = json.readTree(timeline.body());
        JsonNode entries = body.isArray() ? body : body.path("entries");
        return java.util.stream.StreamSupport.stream(entries.spliterator(), false).map(e -> e.path("title").asText()).toList();
    }

    /** POST /task/{id}/complete with every field as a typed variable, as a client of the REST API sends it. */
    private HttpResponse<String> complete(String user, String taskId, ObjectNode fields) throws Exception {
        ObjectNode body = json.createObjectNode();
        body.set("variables", typed(fields));
        return call(user, "POST", "/engine-rest/task/" + taskId + "/complete", body.toString());
    }

    private ObjectNode typed(ObjectNode fields) {
        ObjectNode variables = json.createObjectNode();
        fields.fields().forEachRemaining(f -> {
            ObjectNode v = variables.putObject(f.getKey());
            v.set("value", f.getValue());
            v.put("type", f.getValue().isBoolean() ? "Boolean" : f.getValue().isInt() ? "Integer" : "String");
        });
        return variables;
    }

    private HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
