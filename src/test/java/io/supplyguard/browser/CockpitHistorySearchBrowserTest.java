package io.supplyguard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.disconnection.DisconnectionScenarios;
import io.supplyguard.disconnection.DisconnectionScenarios.Customer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * {@code #/supplyguard/history} (issue 17): the finished and running instances of SupplyGuard's
 * processes, searched in Cockpit as the logged-in user, so the engine's authorizations decide what
 * each role finds.
 */
@BrowserTest
class CockpitHistorySearchBrowserTest {

    /** A district no other test uses: the search's counts are this test's own instances. */
    static final String DISTRICT = "TQ-917";

    @Autowired ApplicationContext context;
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
    void anAuditorFindsAFinishedCutByCustomerNumberAndPagesThroughADistrict(Browser browser) throws Exception {
        Customer cut = scenarios.customer(DISTRICT);
        String finished = scenarios.disconnected(cut);
        List<String> all = new ArrayList<>(List.of(finished));
        for (int i = 0; i < 5; i++) {
            all.add(scenarios.atNoticePosting(scenarios.customer(DISTRICT)));
        }

        SupplyGuardCockpitPage page = SupplyGuardCockpitPage.login(browser, "auditor", "auditor").openHistoryFromDashboard();
        page.searchHistory(Map.of("customer", cut.customerNo()), 20);
        assertThat(page.historySummary()).startsWith("共 1 条");
        assertThat(page.historyInstanceIds()).containsExactly(finished);
        assertThat(page.historyRow(finished)).contains("欠费停电", cut.customerNo(), DISTRICT, "已完成", "已停电");
        browser.screenshot("history-by-customer");

        page.searchHistory(Map.of("district", DISTRICT), 5);
        assertThat(page.historySummary()).isEqualTo("共 6 条 · 第 1 / 2 页");
        List<String> seen = new ArrayList<>(page.historyInstanceIds());
        assertThat(seen).hasSize(5);
        assertThat(page.historyColumn(4)).contains("运行中");
        page.nextHistoryPage();
        assertThat(page.historySummary()).isEqualTo("共 6 条 · 第 2 / 2 页");
        assertThat(page.historyInstanceIds()).hasSize(1);
        seen.addAll(page.historyInstanceIds());
        assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
        browser.screenshot("history-page-2");

        page.searchHistory(Map.of("district", DISTRICT, "outcome", "DISCONNECTED"), 20);
        assertThat(page.historyInstanceIds()).containsExactly(finished);

        var refused = page.fetch(browser.baseUrl() + "/camunda/api/cockpit/plugin/supplyguard/default/history?customerNo=33&from=1.12.");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"from\"", "\"customerNo\"");
    }

    @Test
    void aDistrictManagerFindsOnlyHisOwnDistrictsInstances(Browser browser) {
        Customer own = scenarios.customer("TQ-001");
        Customer other = scenarios.customer("TQ-003");
        String ownInstance = scenarios.atNoticePosting(own);
        scenarios.atNoticePosting(other);
        // Cockpit opens for manager (TQ-001, TQ-002); the engine's district-scoped grants decide what he finds
        grant("manager", Resources.APPLICATION, "cockpit");

        SupplyGuardCockpitPage page = SupplyGuardCockpitPage.login(browser, "manager", "manager").openHistoryFromDashboard();
        page.searchHistory(Map.of("process", "arrears-disconnection"), 100);
        assertThat(page.historyInstanceIds()).contains(ownInstance);
        assertThat(page.historyColumn(3)).isNotEmpty().allSatisfy(d -> assertThat(d).isIn("TQ-001", "TQ-002"));
        browser.screenshot("history-district-manager");

        page.searchHistory(Map.of("customer", own.customerNo()), 20);
        assertThat(page.historyInstanceIds()).containsExactly(ownInstance);
        page.searchHistory(Map.of("customer", other.customerNo()), 20);
        assertThat(page.historySummary()).startsWith("共 0 条");
        page.searchHistory(Map.of("district", "TQ-003"), 20);
        assertThat(page.historySummary()).startsWith("共 0 条");
        assertThat(browser.text()).doesNotContain(other.customerNo());
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
