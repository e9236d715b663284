package io.supplyguard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserTest
class CockpitBrowserTest {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;

    @Test
    void anAuditorSeesTheDiagramOfAProcessDefinitionAndItsInstance(Browser browser) {
        try (ProbeProcess probe = ProbeProcess.deploy(repository)) {
            String instanceId = probe.start(runtime, "3200100002").getId();

            CockpitPage cockpit = CockpitPage.login(browser, "auditor", "auditor")
                    .openProcessDefinition(ProbeProcess.NAME);
            assertThat(cockpit.diagramShows(ProbeProcess.TASK_ID)).isTrue();
            assertThat(cockpit.diagramText()).contains(ProbeProcess.TASK_NAME);
            assertThat(browser.text()).contains("SupplyGuard 流程监控", "流程实例").doesNotContain("Process Instances");
            assertThat(browser.script("return window.supplyguardPluginWaitSeconds"))
                    .as("plugins may take as long as they need to load (no RequireJS time-out)").isEqualTo(0L);
            browser.screenshot("definition");

            cockpit.openProcessInstance(instanceId);
            assertThat(cockpit.diagramShows(ProbeProcess.TASK_ID)).isTrue();
            browser.waitForText("3200100002");

            // Cockpit's own pages lead to SupplyGuard's audit views: the instance's toolbar and tab, the header
            SupplyGuardCockpitPage audit = cockpit.openAuditHistoryFromToolbar(instanceId);
            assertThat(audit.section("instance")).contains(instanceId, "3200100002");
            browser.screenshot("instance-history-from-toolbar");
            cockpit.openProcessInstance(instanceId).openAuditHistoryTab(instanceId);
            assertThat(audit.refused()).isFalse();
            audit.openFromHeader("history", "流程历史");
            browser.screenshot("history-from-header");
            audit.openFromHeader("kpis", "停复电指标");
            browser.screenshot("kpis-from-header");
        }
    }

    @Test
    void anAdministratorCancelsARunningInstanceInCockpit(Browser browser) {
        try (ProbeProcess probe = ProbeProcess.deploy(repository)) {
            String instanceId = probe.start(runtime, "3200100005").getId();

            boolean cancelled = CockpitPage.login(browser, "admin", "admin")
                    .openProcessInstance(instanceId)
                    .cancelProcessInstance();

            assertThat(cancelled).isTrue();
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
        }
    }
}
