package io.supplyguard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplyguard.disconnection.DisconnectionScenarios;
import io.supplyguard.disconnection.DisconnectionScenarios.Customer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The human paths of {@code arrears-disconnection} in the real Tasklist and Cockpit, as the demo
 * users with the role authorizations the application grants: the process is driven through the
 * API to the step a person works on, the person works it in the browser, and the engine's history
 * shows the result.
 */
@BrowserTest
class DisconnectionBrowserTest {

    static final String BUSINESS_OFFSET = "+08:00";

    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired Environment environment;
    @Autowired ObjectMapper json;

    DisconnectionScenarios scenarios;

    @BeforeEach
    void setUp() {
        scenarios = new DisconnectionScenarios(context);
    }

    @AfterEach
    void tearDown() {
        scenarios.close();
    }

    @Test
    void aLeaderSeesTheCustomerRefusesToRejectWithoutAReasonAndRejectsWithOne(Browser browser) {
        Customer customer = scenarios.safetySensitiveCustomer("TQ-001");
        String instanceId = scenarios.atApproval(customer);

        TasklistPage tasklist = TasklistPage.login(browser, "leader", "leader")
                .openFilter("我组的待办")
                .openTask("领导审批停电", customer.customerNo())
                .claim();
        assertThat(tasklist.valueOf("客户编号")).isEqualTo(customer.customerNo());
        assertThat(tasklist.valueOf("客户名称")).isEqualTo(customer.name());
        assertThat(tasklist.valueOf("台区")).isEqualTo("TQ-001");
        assertThat(tasklist.valueOf("欠费金额（元）")).startsWith("235.5");
        assertThat(tasklist.valueOf("逾期起始日")).isEqualTo("2026-10-01");
        assertThat(tasklist.form().getText()).contains("生命支持设备", "居民", "安全敏感");
        assertThat(tasklist.valueOf("判定理由")).isNotBlank();
        assertThat(tasklist.valueOf("通知张贴时间")).startsWith("2026-12-01T10:02");
        browser.screenshot("approval-form");

        tasklist.choose("审批决定", "驳回");
        String refusal = tasklist.completeRefused();
        assertThat(refusal).contains("驳回须填写理由", "disconnectionDecisionReason");
        assertThat(tasklist.taskOpen()).isTrue();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isOne();

        tasklist.fill("审批意见（驳回时必填）", "家中有呼吸机，不得停电");
        browser.screenshot("rejection-with-reason");
        tasklist.complete();

        browser.until(d -> history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).finished().count() == 1);
        assertThat(historicValue(instanceId, "outcome")).isEqualTo("PROTECTED");
        assertThat(historicValue(instanceId, "outcomeReason")).isEqualTo("家中有呼吸机，不得停电");
        assertThat(historicValue(instanceId, "disconnectionApproved")).isEqualTo(false);
        assertThat(historicValue(instanceId, "disconnectionDecidedBy")).isEqualTo("leader");
        // read-only selects show Chinese labels and hand the codes back unchanged
        assertThat(historicValue(instanceId, "safetyReason")).isEqualTo("LIFE_SUPPORT");
        assertThat(historicValue(instanceId, "usageClass")).isEqualTo("RESIDENTIAL");
        assertThat(historicValue(instanceId, "arrears")).isEqualTo(235.5);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).activityId("End_Protected").count())
                .isOne();
    }

    @Test
    void aDistrictManagerRecordsTheNoticePostingAndNeverSeesAnotherDistrictsTask(Browser browser) throws Exception {
        Customer mine = scenarios.customer("TQ-001");
        Customer elsewhere = scenarios.customer("TQ-003");
        String instanceId = scenarios.atNoticePosting(mine);
        String otherInstanceId = scenarios.atNoticePosting(elsewhere);
        String otherTaskId = scenarios.task(otherInstanceId, "Task_RecordNoticePosting").getId();
        scenarios.advanceClock(Duration.ofHours(2));
        LocalDateTime postedAt = LocalDateTime.of(2026, 12, 1, 11, 30);

        TasklistPage tasklist = TasklistPage.login(browser, "manager", "manager").openFilter("我组的待办");
        browser.waitForText(mine.customerNo());
        assertThat(browser.text()).doesNotContain(elsewhere.customerNo());
        tasklist.openTask("张贴停电通知书", mine.customerNo()).claim();
        assertThat(tasklist.valueOf("客户编号")).isEqualTo(mine.customerNo());
        assertThat(tasklist.valueOf("通知提前天数")).isEqualTo("7");
        assertThat(browser.waitFor(org.openqa.selenium.By.linkText("打印本户停电通知书（PDF）")).getAttribute("href"))
                .as("the form links the printed notice").endsWith("/api/notices/" + instanceId + ".pdf");
        tasklist.fillDateTime("张贴时间（日期）", "张贴时间（时间）", postedAt)
                .fill("张贴地点", "3单元楼门口公告栏")
                .fill("证据编号（照片/回执）", "IMG-20261201-0042");
        browser.screenshot("notice-form-filled");
        tasklist.complete();

        browser.until(d -> tasks.createTaskQuery().processInstanceId(instanceId).count() == 0);
        assertThat(runtime.getActiveActivityIds(instanceId)).containsExactly("Event_ExecutionWindowOpens");
        assertThat(historicValue(instanceId, "noticePostedAt")).isEqualTo("2026-12-01T11:30" + BUSINESS_OFFSET);
        assertThat(historicValue(instanceId, "noticePlace")).isEqualTo("3单元楼门口公告栏");
        assertThat(historicValue(instanceId, "noticeEvidenceRef")).isEqualTo("IMG-20261201-0042");
        // 7 notice days of the demo profile's 30 s each
        assertThat(OffsetDateTime.parse((String) historicValue(instanceId, "earliestExecutionAt")))
                .isEqualTo(OffsetDateTime.parse("2026-12-01T11:33:30" + BUSINESS_OFFSET));
        var completed = history.createHistoricTaskInstanceQuery().processInstanceId(instanceId)
                .taskDefinitionKey("Task_RecordNoticePosting").singleResult();
        assertThat(completed.getAssignee()).isEqualTo("manager");

        // the other district's task: not in his lists, not readable, not completable over the REST API either
        assertThat(rest("manager", "GET", "/engine-rest/task?processInstanceId=" + otherInstanceId).body()).isEqualTo("[]");
        assertThat(rest("manager", "GET", "/engine-rest/task/" + otherTaskId).statusCode()).isIn(403, 404);
        HttpResponse<String> complete = rest("manager", "POST", "/engine-rest/task/" + otherTaskId + "/complete");
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(403);
        assertThat(tasks.createTaskQuery().taskId(otherTaskId).count()).isOne();
    }

    @Test
    void aFieldCrewMemberClosesTheFieldCutOrderWithTheResult(Browser browser) {
        Customer customer = scenarios.customer("TQ-002");
        String instanceId = scenarios.atFieldCutOrder(customer);
        scenarios.advanceClock(Duration.ofHours(1));
        LocalDateTime doneAt = scenarios.now().minusMinutes(20).truncatedTo(ChronoUnit.MINUTES).toLocalDateTime();

        TasklistPage tasklist = TasklistPage.login(browser, "crew", "crew")
                .openFilter("我组的待办")
                .openTask("现场补停工单", customer.customerNo())
                .claim();
        assertThat(tasklist.valueOf("客户编号")).isEqualTo(customer.customerNo());
        assertThat(tasklist.valueOf("用电地址")).isNotBlank();
        assertThat(tasklist.valueOf("派单原因")).isNotBlank();
        tasklist.choose("现场结果", "已停电")
                .fill("掌机编号（已停电时必填）", "ZJ-0087")
                .fillDateTime("完成时间（日期）", "完成时间（时间）", doneAt);
        browser.screenshot("field-order-filled");
        tasklist.complete();

        browser.until(d -> tasks.createTaskQuery().processInstanceId(instanceId).count() == 0);
        scenarios.runDueJobs(instanceId); // the "disconnected" SMS is asynchronous; the job executor is off in tests
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).finished().count()).isOne();
        assertThat(historicValue(instanceId, "outcome")).isEqualTo("DISCONNECTED");
        assertThat(historicValue(instanceId, "fieldResult")).isEqualTo("DONE");
        assertThat(historicValue(instanceId, "fieldTerminalId")).isEqualTo("ZJ-0087");
        assertThat(OffsetDateTime.parse((String) historicValue(instanceId, "fieldDoneAt")))
                .isEqualTo(doneAt.atOffset(java.time.ZoneOffset.of(BUSINESS_OFFSET)));
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instanceId).taskDefinitionKey("Task_FieldCutOrder")
                .singleResult().getAssignee()).isEqualTo("crew");
    }

    @Test
    void anAuditorReadsTheDiagramAndHistoryAndIsRefusedCancellingARunningDisconnection(Browser browser) throws Exception {
        Customer cut = scenarios.customer("TQ-001");
        String finishedId = scenarios.disconnected(cut);
        Customer waiting = scenarios.customer("TQ-003");
        String runningId = scenarios.atNoticePosting(waiting);

        CockpitPage cockpit = CockpitPage.login(browser, "auditor", "auditor").openProcessDefinition("欠费停电");
        assertThat(cockpit.diagramShows("Task_ApproveDisconnection")).isTrue();
        assertThat(cockpit.diagramShows("Task_FieldCutOrder")).isTrue();
        assertThat(cockpit.diagramText()).contains("领导审批停电", "远程停电");
        browser.screenshot("definition-diagram");

        // Cockpit CE has no history view of finished instances: the auditor reads them over the engine REST API
        JsonNode instances = json.readTree(rest("auditor", "GET",
                "/engine-rest/history/process-instance?processDefinitionKey=arrears-disconnection&finished=true").body());
        assertThat(instances.findValuesAsText("id")).contains(finishedId);
        JsonNode finished = instances.findParents("id").stream().filter(i -> finishedId.equals(i.get("id").asText()))
                .findFirst().orElseThrow();
        assertThat(finished.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(finished.get("businessKey").asText()).isEqualTo(cut.customerNo());
        JsonNode steps = json.readTree(rest("auditor", "GET",
                "/engine-rest/history/activity-instance?processInstanceId=" + finishedId).body());
        assertThat(steps.findValuesAsText("activityId")).contains("Task_RecordNoticePosting", "Task_Reverify", "Task_RemoteTrip");
        JsonNode outcome = json.readTree(rest("auditor", "GET",
                "/engine-rest/history/variable-instance?processInstanceId=" + finishedId + "&variableName=outcome").body());
        assertThat(outcome.get(0).get("value").asText()).isEqualTo("DISCONNECTED");
        // ... and cannot delete anything there either
        assertThat(rest("auditor", "DELETE", "/engine-rest/process-instance/" + runningId).statusCode()).isEqualTo(403);

        cockpit.openProcessInstance(runningId);
        assertThat(cockpit.diagramShows("Task_RecordNoticePosting")).isTrue();
        browser.waitForText(waiting.customerNo());
        assertThat(cockpit.cancelProcessInstance()).isFalse();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(runningId).count()).isOne();
        assertThat(scenarios.task(runningId, "Task_RecordNoticePosting")).isNotNull();
    }

    private Object historicValue(String instanceId, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableName(name).singleResult().getValue();
    }

    private HttpResponse<String> rest(String user, String method, String path) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:"
                        + environment.getRequiredProperty("local.server.port") + path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .method(method, "POST".equals(method) ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

}
