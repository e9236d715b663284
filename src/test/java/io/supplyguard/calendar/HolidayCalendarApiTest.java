package io.supplyguard.calendar;

import static io.supplyguard.identity.RoleUsers.AUDITOR;
import static io.supplyguard.identity.RoleUsers.MANAGER_T01;
import static io.supplyguard.identity.RoleUsers.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.disconnection.DisconnectionFixture;
import io.supplyguard.identity.IdentityDirectory;
import io.supplyguard.identity.RoleHttp;
import io.supplyguard.identity.RoleUsers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 18 item 5 over real HTTP: fee-control operators maintain a year of the holiday calendar
 * ({@code PUT /api/calendar/years/{year}}), the history says who changed which day when, and the
 * seeded 2026 is the State Council's notice of that year.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class HolidayCalendarApiTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired IdentityDirectory directory;
    @Autowired JdbcClient jdbc;

    RoleHttp http;

    @BeforeEach
    void setUp() {
        RoleUsers.ensure(directory);
        http = new RoleHttp(port, engine);
    }

    @AfterEach
    void tearDown() {
        jdbc.sql("DELETE FROM calendar_day WHERE year_no = 2099").update();
        jdbc.sql("DELETE FROM calendar_year WHERE year_no = 2099").update();
        jdbc.sql("DELETE FROM calendar_change WHERE year_no = 2099").update();
    }

    @Test
    void theSeededYearIsTheStateCouncilsNoticeOf2026() {
        RoleHttp.Response summary = http.get(MANAGER_T01, "/api/calendar");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.body()).contains("\"maintainedYears\":[2026]").contains("\"maintainedUntil\":\"2026-12-31\"");
        String year = http.get(AUDITOR, "/api/calendar/years/2026").body();
        assertThat(year).contains("国务院办公厅关于2026年部分节假日安排的通知")
                .contains("{\"date\":\"2026-02-15\",\"kind\":\"HOLIDAY\",\"name\":\"春节\"}")
                .contains("{\"date\":\"2026-09-20\",\"kind\":\"ADJUSTED_WORKING_DAY\",\"name\":\"国庆节调休上班\"}");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM calendar_day WHERE year_no = 2026 AND kind = 'HOLIDAY'").query(Integer.class).single())
                .isEqualTo(33);
        assertThat(http.get(OPERATOR, "/api/calendar/years/2027").status()).as("2027 is not maintained").isEqualTo(404);
    }

    @Test
    void anOperatorMaintainsAYearAndTheHistoryNamesHimAndEachDay() {
        RoleHttp.Response created = http.put(OPERATOR, "/api/calendar/years/2099", Map.of("source", "通知甲",
                "holidays", List.of(Map.of("date", "2099-01-01", "name", "元旦"), Map.of("date", "2099-01-02", "name", "元旦")),
                "adjustedWorkingDays", List.of(Map.of("date", "2099-01-03", "name", "元旦调休上班"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"maintainedBy\":\"" + OPERATOR + "\"");

        RoleHttp.Response changed = http.put(OPERATOR, "/api/calendar/years/2099", Map.of("source", "通知乙",
                "holidays", List.of(Map.of("date", "2099-01-01", "name", "元旦")), "adjustedWorkingDays", List.of()));
        assertThat(changed.status()).isEqualTo(200);

        String history = http.get(AUDITOR, "/api/calendar/changes?year=2099").body();
        assertThat(history).contains("\"action\":\"YEAR_ADDED\"").contains("\"action\":\"SOURCE_CHANGED\"")
                .contains("\"date\":\"2099-01-02\",\"action\":\"REMOVED\"").contains("\"date\":\"2099-01-03\",\"action\":\"REMOVED\"")
                .contains("\"changedBy\":\"" + OPERATOR + "\"");
        assertThat(http.get(OPERATOR, "/api/calendar/years/2099").body()).doesNotContain("2099-01-02");
    }

    @Test
    void aBrokenYearIsRefusedNamingTheFieldAndChangesNothing() {
        RoleHttp.Response refused = http.put(OPERATOR, "/api/calendar/years/2099", Map.of("source", "通知",
                "holidays", List.of(Map.of("date", "2098-12-31", "name", "元旦")),
                "adjustedWorkingDays", List.of(Map.of("date", "2099-01-05", "name", "调休"))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("holidays[0].date").contains("adjustedWorkingDays[0].date");
        assertThat(http.put(OPERATOR, "/api/calendar/years/2099", Map.of("holidays", List.of(), "adjustedWorkingDays", List.of()))
                .body()).contains("source");
        assertThat(http.get(OPERATOR, "/api/calendar/years/2099").status()).isEqualTo(404);
    }
}
