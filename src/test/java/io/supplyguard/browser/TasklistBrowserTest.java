package io.supplyguard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserTest
class TasklistBrowserTest {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired AuthorizationService authorizations;

    @Test
    void aLeaderSeesTheChineseTasklistWithTheSeededFilters(Browser browser) {
        TasklistPage tasklist = TasklistPage.login(browser, "leader", "leader");

        assertThat(tasklist.filterNames()).contains("我的待办", "我组的待办", "逾期待办");
        assertThat(browser.text())
                .contains("发起流程", "分管 领导", "SupplyGuard 待办任务", "Asia/Shanghai")
                .doesNotContain("Create a filter", "Start process", "Camunda 8");
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector(".ce-eol-banner")))
                .as("the end-of-life banner is hidden").noneMatch(org.openqa.selenium.WebElement::isDisplayed);
    }

    @Test
    void aTaskIsCompletedThroughItsCamundaForm(Browser browser) {
        try (ProbeProcess probe = ProbeProcess.deploy(repository)) {
            String instanceId = probe.start(runtime, "3200100001").getId();
            String taskId = tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
            tasks.addCandidateGroup(taskId, "leaders");

            TasklistPage tasklist = TasklistPage.login(browser, "leader", "leader")
                    .openFilter("我组的待办")
                    .openTask(ProbeProcess.TASK_NAME)
                    .claim();
            assertThat(tasklist.formShows(ProbeProcess.FIELD_LABEL)).isTrue();
            tasklist.fill(ProbeProcess.FIELD_LABEL, "已电话核实，客户同意");
            browser.screenshot("form-filled");
            tasklist.complete();

            browser.until(d -> history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).finished().count() == 1);
            HistoricProcessInstance finished = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
            assertThat(finished.getEndTime()).isNotNull();
            var remark = history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                    .variableName(ProbeProcess.VARIABLE).singleResult();
            assertThat(remark.getValue()).isEqualTo("已电话核实，客户同意");
            var task = history.createHistoricTaskInstanceQuery().processInstanceId(instanceId).singleResult();
            assertThat(task.getAssignee()).isEqualTo("leader");
            assertThat(task.getDeleteReason()).isEqualTo("completed");
        }
    }

    @Test
    void aDecisionFormShowsItsContextAndTakesRadioSelectTextAndCheckbox(Browser browser) {
        try (ProbeProcess probe = ProbeProcess.deploy(repository, ProbeProcess.DECISION_KEY)) {
            String instanceId = runtime.startProcessInstanceByKey(ProbeProcess.DECISION_KEY, "3200100004",
                    Map.of("customerNo", "3200100004", "arrears", 356.5)).getId();
            String taskId = tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
            tasks.setAssignee(taskId, "leader");

            TasklistPage tasklist = TasklistPage.login(browser, "leader", "leader")
                    .openFilter("我的待办")
                    .openTask(ProbeProcess.DECISION_TASK_NAME, "3200100004");
            assertThat(tasklist.valueOf("客户编号")).isEqualTo("3200100004");
            assertThat(tasklist.valueOf("欠费金额（元）")).isEqualTo("356.5");
            tasklist.choose("审批结论", "驳回")
                    .choose("驳回类别", "涉及保电")
                    .fill("审批意见", "该户为保电客户，不得停电")
                    .check("已告知客户");
            browser.screenshot("form-filled");
            tasklist.complete();

            browser.until(d -> history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).finished().count() == 1);
            assertThat(historicValue(instanceId, "decision")).isEqualTo("REJECTED");
            assertThat(historicValue(instanceId, "reasonCategory")).isEqualTo("POWER_GUARANTEE");
            assertThat(historicValue(instanceId, "comment")).isEqualTo("该户为保电客户，不得停电");
            assertThat(historicValue(instanceId, "notified")).isEqualTo(true);
        }
    }

    @Test
    void anOperatorStartsAProcessThroughItsStartForm(Browser browser) {
        Authorization mayStartProbe = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        mayStartProbe.setGroupId("fee-control-operators");
        mayStartProbe.setResource(Resources.PROCESS_DEFINITION);
        mayStartProbe.setResourceId(ProbeProcess.START_KEY);
        mayStartProbe.addPermission(Permissions.READ);
        mayStartProbe.addPermission(Permissions.CREATE_INSTANCE);
        authorizations.saveAuthorization(mayStartProbe);
        try (ProbeProcess probe = ProbeProcess.deploy(repository, ProbeProcess.START_KEY)) {
            TasklistPage.login(browser, "operator", "operator")
                    .openStartForm(ProbeProcess.START_NAME)
                    .fill("客户编号", "3200100007")
                    .startProcess();

            var started = history.createHistoricProcessInstanceQuery().processDefinitionKey(ProbeProcess.START_KEY).singleResult();
            assertThat(started.getStartUserId()).isEqualTo("operator");
            assertThat(historicValue(started.getId(), "customerNo")).isEqualTo("3200100007");
            assertThat(historicValue(started.getId(), "initiator")).isEqualTo("operator");
        } finally {
            authorizations.deleteAuthorization(mayStartProbe.getId());
        }
    }

    private Object historicValue(String instanceId, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableName(name).singleResult().getValue();
    }
}
