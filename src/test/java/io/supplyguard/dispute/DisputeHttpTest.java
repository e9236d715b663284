package io.supplyguard.dispute;

import static io.supplyguard.identity.RoleUsers.AUDITOR;
import static io.supplyguard.identity.RoleUsers.DESK;
import static io.supplyguard.identity.RoleUsers.MANAGER_T01;
import static io.supplyguard.identity.RoleUsers.OPERATOR;
import static io.supplyguard.identity.RoleUsers.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.disconnection.DisconnectionFixture;
import io.supplyguard.disconnection.DisconnectionFixture.TestCustomer;
import io.supplyguard.identity.IdentityDirectory;
import io.supplyguard.identity.RoleHttp;
import io.supplyguard.identity.RoleUsers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * The dispute rule on the path an attacker takes (issue 18 item 1): real HTTP on {@code /api} and
 * {@code /engine-rest} with the roles' own passwords. Who recorded and who resolved are the
 * authenticated users whatever the body says; a district manager can neither record nor resolve,
 * nor can anyone but a leader or operator close a dispute, by the task or by writing variables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class DisputeHttpTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired IdentityDirectory directory;
    @Autowired DisconnectionFixture fixture;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;

    RoleHttp http;

    @BeforeEach
    void setUp() {
        RoleUsers.ensure(directory);
        http = new RoleHttp(port, engine);
        DisconnectionFixture.setClock(DisconnectionFixture.TUESDAY_10_00);
    }

    @AfterEach
    void tearDown() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
        ClockUtil.reset();
    }

    @Test
    void theRecorderIsWhomeverTheServerAuthenticatedAndABodyNamingAnotherIsRefused() {
        TestCustomer c = fixture.customer();
        RoleHttp.Response forged = http.post(DESK, "/api/customers/" + c.customerNo() + "/disputes", Map.of("kind", "METER",
                "text", "表计走字过快", "source", "COUNTER", "recordedBy", "sec-leader"));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("\"field\":\"recordedBy\"");
        RoleHttp.Response recorded = http.post(DESK, "/api/customers/" + c.customerNo() + "/disputes", Map.of("kind", "METER",
                "text", "表计走字过快", "source", "COUNTER"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.body()).contains("\"recordedBy\":\"" + DESK + "\"").contains("\"status\":\"OPEN\"")
                .contains("\"escalateAt\":\"2026-12-04T10:00:00+08:00\""); // 3 working days after Tuesday 10:00
        assertThat(http.get(AUDITOR, "/api/customers/" + c.customerNo() + "/disputes").body()).contains("表计走字过快");
        assertThat(http.get(AUDITOR, "/api/customers/" + c.customerNo() + "/timeline").body()).contains("DISPUTE_RECORDED");
    }

    @Test
    void badInputIsA400NamingTheFieldAnUnknownCustomerA404AndARefusedRoleRecordsNothing() {
        TestCustomer c = fixture.customer();
        RoleHttp.Response bad = http.post(SERVICE, "/api/customers/" + c.customerNo() + "/disputes",
                Map.of("kind", "PRICE", "text", " ", "source", "HOTLINE"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"kind\"").contains("\"field\":\"text\"").contains("\"field\":\"ticketNo\"");
        assertThat(http.post(SERVICE, "/api/customers/3399999998/disputes", Map.of("kind", "BILL", "text", "x", "source", "LETTER"))
                .status()).isEqualTo(404);
        assertThat(http.post(MANAGER_T01, "/api/customers/" + c.customerNo() + "/disputes",
                Map.of("kind", "BILL", "text", "x", "source", "LETTER")).status()).isEqualTo(403);
        RoleHttp.Response engineStart = http.post(MANAGER_T01, "/engine-rest/process-definition/key/customer-dispute/start",
                Map.of("businessKey", c.customerNo(), "variables", Map.of("customerNo", Map.of("value", c.customerNo()),
                        "disputeKind", Map.of("value", "BILL"), "disputeText", Map.of("value", "x"),
                        "disputeSource", Map.of("value", "LETTER"))));
        assertThat(engineStart.status()).isEqualTo(403);
        RoleHttp.Response incomplete = http.post(OPERATOR, "/engine-rest/process-definition/key/customer-dispute/start",
                Map.of("businessKey", c.customerNo(), "variables", Map.of("customerNo", Map.of("value", c.customerNo()),
                        "disputeKind", Map.of("value", "BILL"), "disputeSource", Map.of("value", "LETTER"))));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.body()).contains("disputeText");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dispute WHERE customer_no = ?").param(c.customerNo()).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aDistrictManagerCannotCloseADisputeByTheTaskNorByWritingItsVariables() {
        TestCustomer c = fixture.customer();
        assertThat(http.post(SERVICE, "/api/customers/" + c.customerNo() + "/disputes", Map.of("kind", "BILL", "text", "电费异常",
                "source", "HOTLINE", "ticketNo", "95598-2026120100001")).status()).isEqualTo(201);
        String pid = runtime.createProcessInstanceQuery().processDefinitionKey("customer-dispute")
                .processInstanceBusinessKey(c.customerNo()).singleResult().getId();
        String task = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_ResolveDispute").singleResult().getId();
        Map<String, Object> upheld = Map.of("variables", Map.of("disputeResolution", Map.of("value", "UPHELD"),
                "resolutionText", Map.of("value", "同意")));

        for (String user : List.of(MANAGER_T01, DESK, SERVICE, AUDITOR)) {
            assertThat(http.post(user, "/engine-rest/task/" + task + "/complete", upheld).status()).as(user).isEqualTo(403);
            assertThat(http.put(user, "/engine-rest/process-instance/" + pid + "/variables/disputeResolution",
                    Map.of("value", "UPHELD")).allowed()).as(user + " writes a variable").isFalse();
        }
        assertThat(http.put(OPERATOR, "/engine-rest/task/" + task + "/variables/disputeResolution", Map.of("value", "UPHELD"))
                .status()).as("a task writes only by its form").isEqualTo(403);
        assertThat(status(c)).isEqualTo("OPEN");

        RoleHttp.Response forged = http.post(OPERATOR, "/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
                "disputeResolution", Map.of("value", "UPHELD"), "resolutionText", Map.of("value", "同意"),
                "resolvedBy", Map.of("value", "sec-leader"))));
        assertThat(forged.status()).as("a field outside the form").isEqualTo(400);
        assertThat(http.post(OPERATOR, "/engine-rest/task/" + task + "/complete", upheld).status()).isEqualTo(204);
        assertThat(status(c)).isEqualTo("UPHELD");
        assertThat(jdbc.sql("SELECT resolved_by FROM dispute WHERE customer_no = ?").param(c.customerNo()).query(String.class)
                .single()).isEqualTo(OPERATOR);
    }

    private String status(TestCustomer c) {
        return jdbc.sql("SELECT status FROM dispute WHERE customer_no = ?").param(c.customerNo()).query(String.class).single();
    }
}
