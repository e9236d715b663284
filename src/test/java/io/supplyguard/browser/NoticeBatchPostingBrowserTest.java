package io.supplyguard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.disconnection.DisconnectionScenarios;
import io.supplyguard.disconnection.DisconnectionScenarios.Customer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Batch posting (issue 18 item 3): the district manager {@code manager} records the posting of
 * several of his district's notices on one page, with one posting time and a place pattern; each
 * becomes that customer's own recorded posting — his identity, the server's time, the same
 * listener — and a row of another district's task is refused by the engine.
 */
@BrowserTest
class NoticeBatchPostingBrowserTest {

    @Autowired ApplicationContext context;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired JdbcClient jdbc;

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
    void aDistrictManagerPostsSeveralNoticesAtOnceAndEachIsHisOwnRecordedPosting(Browser browser) {
        Customer first = scenarios.customer("TQ-001");
        Customer second = scenarios.customer("TQ-001");
        Customer notPosted = scenarios.customer("TQ-001");
        Customer elsewhere = scenarios.customer("TQ-003");
        String firstId = scenarios.atNoticePosting(first);
        String secondId = scenarios.atNoticePosting(second);
        String notPostedId = scenarios.atNoticePosting(notPosted);
        String elsewhereId = scenarios.atNoticePosting(elsewhere);
        String elsewhereTask = scenarios.task(elsewhereId, "Task_RecordNoticePosting").getId();
        scenarios.advanceClock(Duration.ofHours(2));

        TasklistPage.login(browser, "manager", "manager");
        browser.open("/notices/batch.html?district=TQ-001");
        browser.until(d -> "true".equals(browser.script("return document.body.dataset.ready")));
        String page = browser.text();
        assertThat(page).contains(first.customerNo(), second.customerNo(), notPosted.customerNo(), street(first), "235.5",
                        "2026-12-01 10:0")
                .doesNotContain(elsewhere.customerNo());

        choose(browser, first);
        choose(browser, second);
        // a forged row: another district's task sent the same way
        browser.script("window.supplyguardNoticeBatch.addRow({taskId: arguments[0], customerNo: arguments[1], name: '', address: 'x'})"
                + ".querySelector('.choose').checked = true", elsewhereTask, elsewhere.customerNo());
        browser.script("const f = document.getElementById('postedAt'); f.value = '2026-12-01T11:30';"
                + "f.dispatchEvent(new Event('input', {bubbles: true}));");
        browser.typeInto(browser.waitFor(By.id("placePattern")), "{地址}单元门口公告栏");
        browser.typeInto(browser.waitFor(By.id("evidencePattern")), "IMG-20261201-{客户编号}");
        browser.screenshot("batch-chosen");
        browser.click(By.id("post"));

        browser.until(d -> "3".equals(browser.script("return document.getElementById('summary').dataset.finished")));
        browser.screenshot("batch-results");
        assertThat(result(browser, first)).startsWith("已登记");
        assertThat(result(browser, second)).startsWith("已登记");
        assertThat(result(browser, elsewhere)).startsWith("被拒绝");
        assertThat(browser.text()).contains("已登记 2 户，未登记 1 户");

        OffsetDateTime serverNow = scenarios.now();
        for (Map.Entry<String, Customer> posted : Map.of(firstId, first, secondId, second).entrySet()) {
            String id = posted.getKey();
            assertThat(tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey("Task_RecordNoticePosting").count()).isZero();
            assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(id).taskDefinitionKey("Task_RecordNoticePosting")
                    .singleResult().getAssignee()).isEqualTo("manager");
            Map<String, Object> fact = jdbc.sql("""
                    SELECT recorded_by, occurred_at, recorded_at, detail FROM switching_fact
                    WHERE process_instance_id = ? AND kind = 'NOTICE_POSTED'""").param(id).query().singleRow();
            assertThat(fact.get("recorded_by")).as("the engine's user").isEqualTo("manager");
            assertThat(fact.get("detail").toString()).contains(street(posted.getValue()) + "单元门口公告栏",
                    "IMG-20261201-" + posted.getValue().customerNo());
            OffsetDateTime occurred = odt(fact.get("occurred_at"));
            OffsetDateTime recorded = odt(fact.get("recorded_at"));
            assertThat(occurred).isEqualTo(OffsetDateTime.parse("2026-12-01T11:30+08:00"));
            assertThat(recorded).as("the server's clock").isEqualTo(serverNow);
            // the demo profile's 7 notice days of 30 s each, from the posting time
            assertThat(OffsetDateTime.parse((String) history.createHistoricVariableInstanceQuery().processInstanceId(id)
                    .variableName("earliestExecutionAt").singleResult().getValue()))
                    .isEqualTo(OffsetDateTime.parse("2026-12-01T11:33:30+08:00"));
        }
        assertThat(tasks.createTaskQuery().processInstanceId(notPostedId).count()).as("not chosen: still to post").isOne();
        assertThat(tasks.createTaskQuery().taskId(elsewhereTask).singleResult().getAssignee()).as("the other district's task")
                .isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM switching_fact WHERE process_instance_id IN (?, ?) AND kind = 'NOTICE_POSTED'")
                .params(notPostedId, elsewhereId).query(Long.class).single()).isZero();
        assertThat(List.of(firstId, secondId)).doesNotContain(notPostedId);
    }

    /** The postal address the scenarios register ({@code Customer.address} is the meter's). */
    private static String street(Customer customer) {
        return "测试路" + Integer.parseInt(customer.customerNo().substring(2)) + "号";
    }

    private static void choose(Browser browser, Customer customer) {
        browser.click(By.cssSelector("tr[data-customer-no='" + customer.customerNo() + "'] .choose"));
    }

    private static String result(Browser browser, Customer customer) {
        return browser.driver().findElement(By.cssSelector("tr[data-customer-no='" + customer.customerNo() + "'] .result")).getText();
    }

    private static OffsetDateTime odt(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(java.time.ZoneOffset.ofHours(8)).toOffsetDateTime();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.ofHours(8));
        }
        return OffsetDateTime.parse(value.toString().replace(' ', 'T')).atZoneSameInstant(java.time.ZoneOffset.ofHours(8))
                .toOffsetDateTime();
    }
}
