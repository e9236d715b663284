package io.supplyguard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code #/supplyguard/kpis} (issue 17): the KPI charts in Cockpit show the figures of
 * {@code GET /api/kpis} for the same period — the period's p50 and each day's drawn value.
 */
@BrowserTest
class CockpitKpiBrowserTest {

    /** A period no other test writes into: its figures are this test's rows. */
    static final String FROM = "2024-06-03";
    static final String TO = "2024-06-09";

    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    @Test
    void theKpiPageShowsTheSameP50AsTheApiDayByDay(Browser browser) throws Exception {
        restored("2024-06-03T09:00:00+08:00", 120, "CONFIRMED");
        restored("2024-06-03T10:00:00+08:00", 600, "CONFIRMED");
        restored("2024-06-04T11:00:00+08:00", 300, "NO_RESPONSE");
        restored("2024-06-06T15:00:00+08:00", 1800, "CONFIRMED");
        restored("2024-06-06T16:00:00+08:00", 240, "CONFIRMED");
        outcome("2024-06-05T10:00:00+08:00", "DISCONNECTED");
        outcome("2024-06-05T11:00:00+08:00", "PAID");
        JsonNode api = api(browser, "/api/kpis?from=" + FROM + "&to=" + TO);
        assertThat(api.get("medianSecondsToRestore").asLong()).isEqualTo(300);

        SupplyGuardCockpitPage page = SupplyGuardCockpitPage.login(browser, "auditor", "auditor").openKpisFromDashboard(FROM, TO);

        assertThat(page.kpi("p50")).isEqualTo(api.get("medianSecondsToRestore").asText());
        assertThat(page.kpiText("p50")).contains("300 秒");
        assertThat(page.kpi("p95")).isEqualTo(api.get("p95SecondsToRestore").asText());
        assertThat(page.kpi("failure-rate")).isEqualTo(api.get("remoteCommandFailureRate").asText());
        assertThat(page.kpi("protected")).isEqualTo("0");
        Map<String, String> apiDays = new LinkedHashMap<>();
        api.get("days").forEach(d -> apiDays.put(d.get("from").asText().substring(0, 10),
                d.path("medianSecondsToRestore").isNumber() ? d.get("medianSecondsToRestore").asText() : "")); // none: no figure
        assertThat(apiDays).hasSize(7).containsEntry("2024-06-03", "120").containsEntry("2024-06-05", "");
        assertThat(page.chartValues("sg-chart-restore", "p50")).isEqualTo(apiDays);
        assertThat(page.chartValues("sg-chart-outcomes", "DISCONNECTED")).containsEntry("2024-06-05", "1")
                .containsEntry("2024-06-04", "0");
        browser.screenshot("kpis");
    }

    private void restored(String paidAt, long seconds, String remoteOutcome) {
        OffsetDateTime paid = OffsetDateTime.parse(paidAt);
        jdbc.sql("""
                INSERT INTO reconnection (kind, trigger_source, process_instance_id, customer_no, paid_at, started_at,
                    deadline_at, remote_outcome, restored_at, restored_by, seconds_to_restore, ended_at)
                VALUES ('PAYMENT', 'PAYMENT', ?, '3800000001', ?, ?, ?, ?, ?, 'REMOTE', ?, ?)""")
                .params("kpi-browser-" + System.nanoTime(), paid, paid, paid.withHour(22), remoteOutcome,
                        paid.plusSeconds(seconds), seconds, paid.plusSeconds(seconds + 60))
                .update();
    }

    private void outcome(String at, String outcome) {
        jdbc.sql("INSERT INTO disconnection_outcome (process_instance_id, customer_no, outcome, recorded_at) VALUES (?, ?, ?, ?)")
                .params("kpi-browser-" + System.nanoTime(), "3800000001", outcome, OffsetDateTime.parse(at)).update();
    }

    /** {@code /api} as the auditor, over real HTTP (HTTP Basic). */
    private JsonNode api(Browser browser, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(browser.baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
