package io.supplyguard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.disconnection.DisconnectionScenarios;
import io.supplyguard.disconnection.DisconnectionScenarios.Customer;
import io.supplyguard.meter.MeterCommandAudit;
import io.supplyguard.meter.MeterCommandAudit.MeterCommandRecord;
import io.supplyguard.meter.MeterCommandAudit.MeterFrameRecord;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Auditors review the history of a finished cut in Cockpit (issue 17): SupplyGuard's plugin route
 * {@code #/supplyguard/process-instances/{id}} shows, as the logged-in user, the path taken, who
 * worked each task and what they entered, the decision, the meter frames and the SMS.
 */
@BrowserTest
class CockpitHistoryPluginBrowserTest {

    @Autowired ApplicationContext context;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired HistoryService history;
    @Autowired MeterCommandAudit meterAudit;
    @Autowired AuthorizationService authorizations;

    DisconnectionScenarios scenarios;
    final List<String> granted = new ArrayList<>();

    @BeforeEach
    void setUp() {
        scenarios = new DisconnectionScenarios(context);
    }

    @AfterEach
    void tearDown() {
        granted.forEach(authorizations::deleteAuthorization);
        scenarios.close();
    }

    @Test
    void anAuditorReadsTheWholeHistoryOfAFinishedCutOfASafetySensitiveCustomer(Browser browser) {
        Customer customer = scenarios.safetySensitiveCustomer("TQ-001");
        String id = disconnectedWithApproval(customer);
        MeterCommandRecord trip = meterAudit.listForMeter(customer.address()).stream()
                .filter(c -> id.equals(c.processInstanceId()) && c.command().contains("TRIP")).findFirst().orElseThrow();
        MeterFrameRecord tripFrame = trip.frames().stream().filter(f -> f.step().equals("CONTROL_TRIP")).findFirst().orElseThrow();

        SupplyGuardCockpitPage page = SupplyGuardCockpitPage.login(browser, "auditor", "auditor").openInstanceHistory(id);

        assertThat(page.section("instance")).contains(customer.customerNo(), "已完成");
        assertThat(page.section("outcome")).contains("已停电", "DISCONNECTED");
        assertThat(page.section("activities")).contains("张贴停电通知书", "领导审批停电", "Task_RemoteTrip");
        String userTasks = page.section("user-tasks");
        assertThat(userTasks).contains("张贴停电通知书", "manager", "张贴地点：单元楼门口东侧公告栏", "证据编号",
                "领导审批停电", "leader");
        assertThat(page.section("decisions")).isNotEqualTo("无");
        String commands = page.section("meter-commands");
        assertThat(commands).contains(trip.command(), trip.outcome(), "CONTROL_TRIP", tripFrame.requestHex(), tripFrame.replyHex(),
                tripFrame.result());
        String sms = page.section("sms");
        assertThat(sms).contains("DISCONNECTED").doesNotContain(customerPhone(customer));
        assertThat(page.section("operation-log")).contains("manager", "leader", "认领", "完成");
        assertThat(page.diagramHighlights("Task_ApproveDisconnection")).isTrue();
        assertThat(page.diagramHighlights("Task_RemoteTrip")).isTrue();
        assertThat(page.diagramHighlights("Task_FieldCutOrder")).isFalse();
        browser.screenshot("instance-history");
    }

    @Test
    void anAuditorExportsTheCustomersTimelineAsPdfAndCsvNamingTheApprover(Browser browser) throws Exception {
        Customer customer = scenarios.safetySensitiveCustomer("TQ-002");
        String id = disconnectedWithApproval(customer);

        SupplyGuardCockpitPage page = SupplyGuardCockpitPage.login(browser, "auditor", "auditor")
                .openCustomerTimelineFromDashboard(customer.customerNo());
        String timeline = page.section("timeline");
        assertThat(timeline).contains("流程发起", "张贴停电通知书", "manager", "领导审批停电", "leader", "电表命令", "TRIP",
                "短信", "流程结束", "已停电");
        browser.screenshot("customer-timeline");

        HttpResponse<byte[]> pdf = page.download("sg-export-pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("客户编号 " + customer.customerNo(), "领导审批停电", "操作人 leader", "张贴停电通知书",
                    "操作人 manager", id);
        }
        HttpResponse<byte[]> csv = page.download("sg-export-csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String rows = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(rows).startsWith("\uFEFF时间,类别,事项,操作人").contains("\"领导审批停电\",\"leader\"", id);
    }

    @Test
    void aDistrictManagerOpeningAnotherDistrictsInstanceIsRefused(Browser browser) throws Exception {
        Customer customer = scenarios.customer("TQ-001");
        String id = scenarios.disconnected(customer);
        // Cockpit opens for manager3 (TQ-003, TQ-004); the engine's district-scoped grants decide the rest
        grant("manager3", Resources.APPLICATION, "cockpit");

        SupplyGuardCockpitPage page = SupplyGuardCockpitPage.login(browser, "manager3", "manager3").openInstanceHistory(id);

        assertThat(page.refused()).isTrue();
        assertThat(page.refusal()).contains("无权查看");
        assertThat(browser.text()).doesNotContain(customer.customerNo());
        browser.screenshot("history-refused");

        page.openCustomerTimeline(customer.customerNo());
        assertThat(page.refusal()).contains("无权查看客户历程");
        assertThat(page.fetch(browser.baseUrl() + "/camunda/api/cockpit/plugin/supplyguard/default/customers/"
                + customer.customerNo() + "/timeline.pdf").statusCode()).isEqualTo(403);
    }

    /** Notice posted by the district manager, cut approved by a leader, remote trip, SMS: ends DISCONNECTED. */
    private String disconnectedWithApproval(Customer customer) {
        String id = scenarios.atNoticePosting(customer);
        scenarios.advanceClock(Duration.ofMinutes(30));
        workAs("manager", List.of("district-managers", "district-managers-" + customer.district()), id, "Task_RecordNoticePosting",
                Map.of("noticePostedAt", scenarios.now().minusMinutes(10).toString(), "noticePlace", "单元楼门口东侧公告栏",
                        "noticeEvidenceRef", "IMG-20261201-0077"));
        workAs("leader", List.of("leaders"), id, "Task_ApproveDisconnection", Map.of("disconnectionApproved", true));
        scenarios.fireNextTimer(id);
        scenarios.runDueJobs(id);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).finished().count()).isOne();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("outcome")
                .singleResult().getValue()).isEqualTo("DISCONNECTED");
        return id;
    }

    private void workAs(String user, List<String> groups, String processInstanceId, String taskKey, Map<String, Object> entered) {
        String taskId = scenarios.task(processInstanceId, taskKey).getId();
        identity.setAuthentication(user, groups);
        try {
            tasks.claim(taskId, user);
            tasks.complete(taskId, entered);
        } finally {
            identity.clearAuthentication();
        }
    }

    private String customerPhone(Customer customer) {
        return context.getBean(io.supplyguard.customer.CustomerRegistry.class).get(customer.customerNo()).contacts().stream()
                .map(c -> c.phone()).filter(p -> p != null).findFirst().orElseThrow();
    }

    private void grant(String userId, Resources resource, String resourceId) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setUserId(userId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(Permissions.ACCESS);
        granted.add(authorizations.saveAuthorization(authorization).getId());
    }
}
