package io.supplyguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplyguard.disconnection.DisconnectionFixture;
import io.supplyguard.disconnection.DisconnectionFixture.TestCustomer;
import io.supplyguard.identity.IdentityDirectory;
import io.supplyguard.identity.RoleUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.supplyguard.infrastructure.PostgresTestDatabases;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/** The customer timeline over a whole disconnection and the reconnection after payment, read by an auditor. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class CustomerTimelineTest {

    @LocalServerPort int port;
    @Autowired DisconnectionFixture fixture;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired IdentityDirectory directory;
    @Autowired ObjectMapper json;

    @AfterEach
    void tearDown() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
        ClockUtil.reset();
    }

    RestClient as(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, RoleUsers.basic(user)).build();
    }

    @Test
    void anAuditorReadsEveryStepOfACutAndTheReconnectionInOrder() throws Exception {
        RoleUsers.ensure(directory);
        DisconnectionFixture.setClock(DisconnectionFixture.TUESDAY_10_00);
        TestCustomer c = fixture.customer();
        ProcessInstance cut = runtime.startProcessInstanceByKey("arrears-disconnection", c.customerNo(),
                Map.of("customerNo", c.customerNo(), "trigger", "TEST"));
        fixture.runDueJobs();
        fixture.fireNextTimer(cut.getId());
        DisconnectionFixture.completeAsCandidate(identity, tasks, tasks.createTaskQuery().processInstanceId(cut.getId())
                .singleResult().getId(), Map.of(
                "noticePostedAt", DisconnectionFixture.now().toString(), "noticePlace", "楼道公告栏", "noticeEvidenceRef", "IMG-77"));
        fixture.fireNextTimer(cut.getId());
        DisconnectionFixture.setClock(DisconnectionFixture.now().plusMinutes(40)); // the customer pays later

        as(RoleUsers.BILLING).post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("paymentId", "TL-" + c.customerNo(), "customerNo", c.customerNo(), "amount", "235.50",
                        "paidAt", DisconnectionFixture.now().toString(), "channel", "WECHAT"))
                .retrieve().toBodilessEntity();
        fixture.awaitEvents();
        fixture.runDueJobs();

        JsonNode timeline = json.readTree(as(RoleUsers.AUDITOR).get().uri("/api/customers/" + c.customerNo() + "/timeline")
                .retrieve().body(String.class));
        List<String> steps = new ArrayList<>();
        for (JsonNode entry : timeline) {
            steps.add(entry.get("kind").asText() + " " + entry.get("title").asText());
        }
        assertThat(steps).as(timeline.toString()).containsSubsequence(
                "PROCESS_STARTED 欠费停电 发起",
                "SMS 短信 ARREARS_REMINDER",
                "TASK_COMPLETED 张贴停电通知书",
                "SWITCHING_DECISION 开关内核 TRIP 准予执行",
                "METER_COMMAND TRIP",
                "SMS 短信 DISCONNECTED",
                "PROCESS_ENDED 欠费停电 结束",
                "METER_COMMAND DIRECT_CLOSE",
                "SMS 短信 RECONNECTED");
        assertThat(steps).anyMatch(s -> s.startsWith("PROCESS_ENDED") && !s.contains("欠费停电"));
        List<String> times = new ArrayList<>();
        timeline.forEach(entry -> times.add(entry.get("at").asText()));
        assertThat(times.stream().map(java.time.OffsetDateTime::parse).toList()).isSorted();

        JsonNode notice = find(timeline, "TASK_COMPLETED", "张贴停电通知书");
        assertThat(notice.at("/details/entered/noticePlace").asText()).isEqualTo("楼道公告栏");
        JsonNode trip = find(timeline, "METER_COMMAND", "TRIP");
        assertThat(trip.get("processInstanceId").asText()).isEqualTo(cut.getId());
        assertThat(trip.at("/details/outcome").asText()).isEqualTo("CONFIRMED");
        assertThat(trip.at("/details/frames").size()).isGreaterThan(0);
        assertThat(trip.at("/details/frames/0/requestHex").asText()).contains("68");
        JsonNode ended = find(timeline, "PROCESS_ENDED", "欠费停电");
        assertThat(ended.at("/details/outcome").asText()).isEqualTo("DISCONNECTED");

        assertThat(as(RoleUsers.OPERATOR).get().uri("/api/customers/" + c.customerNo() + "/timeline").retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    }

    private static JsonNode find(JsonNode timeline, String kind, String titlePart) {
        for (JsonNode entry : timeline) {
            if (entry.get("kind").asText().equals(kind) && entry.get("title").asText().contains(titlePart)) {
                return entry;
            }
        }
        throw new AssertionError("no " + kind + " " + titlePart + " in " + timeline);
    }

    @Autowired CustomQueryPlans plans;
    @Autowired HistoryService history;
    @Autowired JdbcClient jdbc;

    /** Issue 17: the history search's engine queries are planned for their own values on PostgreSQL (nothing to check on H2). */
    @Test
    void onPostgresTheHistorySearchsEngineQueriesArePlannedForTheirValuesWithStatisticsOnThePermissionBits() {
        Assumptions.assumeTrue(PostgresTestDatabases.enabled(), "PostgreSQL only");
        String customPlans = "SELECT COUNT(*) FROM ACT_RE_PROCDEF WHERE current_setting('plan_cache_mode') = 'force_custom_plan'";

        long inSearch = plans.run(() -> history.createNativeHistoricProcessInstanceQuery().sql(customPlans).count());
        long outside = history.createNativeHistoricProcessInstanceQuery().sql(customPlans).count();

        assertThat(inSearch).as("the engine's own connection inside the search's transaction").isPositive();
        assertThat(outside).as("SET LOCAL ends with the search's transaction").isZero();
        assertThat(jdbc.sql("SELECT stxname FROM pg_statistic_ext WHERE stxrelid = 'act_ru_authorization'::regclass")
                .query(String.class).list()).contains("sg_act_ru_auth_perm_read", "sg_act_ru_auth_perm_read_history");
    }
}
