package io.supplyguard.browser;

import static io.supplyguard.identity.RoleUsers.AUDITOR;
import static io.supplyguard.identity.RoleUsers.DESIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.identity.IdentityDirectory;
import io.supplyguard.identity.RoleHttp;
import io.supplyguard.identity.RoleUsers;
import io.supplyguard.release.ChangedModels;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rule 4 of issue 15 in Tasklist: a process designer's new arrears-disconnection, deployed as Camunda
 * Modeler does, waits for a leader; the leader reads what changed in the release task's form and
 * approves; from then on the new version is the one new instances start on.
 */
@BrowserTest
class ModelReleaseBrowserTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired IdentityDirectory directory;
    @Autowired RepositoryService repository;

    String latest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(ChangedModels.PROCESS).latestVersion().singleResult().getId();
    }

    @Test
    void aLeaderReadsTheChangesAndReleasesADesignersVersion(Browser browser) {
        RoleUsers.ensure(directory);
        RoleHttp http = new RoleHttp(port, engine);
        String approved = latest();
        String held = ChangedModels.deploymentId(http.deploy(DESIGNER, "欠费停电优化", ChangedModels.files()));
        String released = null;
        try {
            assertThat(latest()).as("held until a leader decides").isEqualTo(approved);

            TasklistPage tasklist = TasklistPage.login(browser, "leader", "leader")
                    .openFilter("我组的待办")
                    .openTask("领导审批模型发布")
                    .claim();
            assertThat(tasklist.valueOf("部署人")).isEqualTo(DESIGNER);
            assertThat(tasklist.valueOf("变更内容"))
                    .contains("新增元素 " + ChangedModels.ADDED_TASK + "「" + ChangedModels.ADDED_TASK_NAME + "」")
                    .contains("「" + ChangedModels.RENAMED_TASK_NAME + "」")
                    .contains("修改规则 Rule_10：");
            browser.screenshot("release-task");
            tasklist.choose("审批意见", "同意发布").fill("审批说明", "两级审批已核对").complete();

            browser.until(d -> !latest().equals(approved));
            released = repository.getProcessDefinition(latest()).getDeploymentId();
            assertThat(repository.createDeploymentQuery().deploymentId(released).singleResult().getSource())
                    .isEqualTo("supplyguard-model-release");
            assertThat(http.get(AUDITOR, "/api/model-releases").body())
                    .contains("\"deploymentId\":\"" + held + "\"", "\"status\":\"RELEASED\"", "\"decidedBy\":\"leader\"");
        } finally {
            ChangedModels.undeploy(repository, held, released);
        }
    }
}
