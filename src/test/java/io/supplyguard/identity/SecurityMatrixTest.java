package io.supplyguard.identity;

import static io.supplyguard.identity.RoleUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.disconnection.DisconnectionFixture;
import io.supplyguard.disconnection.DisconnectionFixture.TestCustomer;
import io.supplyguard.release.ChangedModels;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Who may do what (issue 7): each role against each action, through the real HTTP stack, the
 * real Camunda authorizations and the real processes. "allowed" means neither 401 nor 403.
 * Least privilege inside those rights (issue 15) has one class per rule, listed in the README's
 * security section: {@code TaskWriteGuardTest}, {@code DistrictReadScopeTest},
 * {@code DeploymentGuardTest}, {@code ModelReleaseTest} (with {@code ModelReleaseBrowserTest}), {@code BusinessKeyTest},
 * {@code PackagedJarIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class SecurityMatrixTest {

    @LocalServerPort int port;
    @Autowired IdentityDirectory directory;
    @Autowired DisconnectionFixture fixture;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired RepositoryService repository;
    @Autowired ProcessEngine engine;

    RestClient http;

    @BeforeEach
    void setUp() {
        RoleUsers.ensure(directory);
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
        DisconnectionFixture.setClock(DisconnectionFixture.TUESDAY_10_00);
    }

    @AfterEach
    void tearDown() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
        ClockUtil.reset();
    }

    record Response(int status, String body, String contentType) {
        boolean allowed() {
            return status != 401 && status != 403;
        }
    }

    Response call(String user, HttpMethod method, String path, Object body) {
        var request = http.method(method).uri(path);
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, RoleUsers.basic(user));
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> new Response(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes()), String.valueOf(res.getHeaders().getContentType())));
    }

    void onlyTheseMay(HttpMethod method, String path, Object body, List<String> allowed) {
        for (String user : List.of(OPERATOR, LEADER, MANAGER_T01, DESK, DUTY, CREW_T01, AUDITOR, DESIGNER, BILLING, COUNTER, ADMIN)) {
            Response response = call(user, method, path, body);
            assertThat(response.allowed()).as(user + " " + method + " " + path + " -> " + response.status())
                    .isEqualTo(allowed.contains(user));
        }
    }

    @Test
    void everyApiEndpointNeedsAuthenticationAndAnswersAProblem() {
        List<String[]> endpoints = List.of(
                new String[] {"GET", "/api/customers/3300000001"}, new String[] {"POST", "/api/customers"},
                new String[] {"POST", "/api/customers/import"}, new String[] {"POST", "/api/payments"},
                new String[] {"POST", "/api/bills"}, new String[] {"POST", "/api/readings"},
                new String[] {"POST", "/api/fee-control/evaluations"}, new String[] {"POST", "/api/sms/receipts"},
                new String[] {"GET", "/api/customers/3300000001/sms"}, new String[] {"GET", "/api/customers/3300000001/timeline"},
                new String[] {"POST", "/api/disconnections/3300000001/termination-requests"},
                new String[] {"POST", "/api/weather-alerts"}, new String[] {"PUT", "/api/calendar/years/2027"}, new String[] {"GET", "/api/weather-alerts?district=TQ-T01"},
                new String[] {"GET", "/api/reports/disconnected-without-arrears"}, new String[] {"GET", "/api/notices?district=TQ-T01&date=2026-12-01"},
                new String[] {"GET", "/api/notices/1.pdf"}, new String[] {"POST", "/api/customers/3300000001/contact-checks"},
                new String[] {"GET", "/api/kpis?from=2026-11-01&to=2026-11-30"},
                new String[] {"GET", "/engine-rest/process-definition"}, new String[] {"GET", "/engine-rest/task"});
        for (String[] endpoint : endpoints) {
            Response response = call(null, HttpMethod.valueOf(endpoint[0]), endpoint[1], endpoint[0].startsWith("P") ? Map.of() : null);
            assertThat(response.status()).as(endpoint[0] + " " + endpoint[1]).isEqualTo(401);
            assertThat(response.contentType()).as(endpoint[1]).contains("application/problem+json");
        }
        assertThat(call("nobody", HttpMethod.GET, "/api/customers/3300000001", null).status()).isEqualTo(401);
    }

    @Test
    void onlyFeeControlOperatorsRunDisconnectionsAndTerminations() {
        onlyTheseMay(HttpMethod.POST, "/api/fee-control/evaluations", Map.of(), List.of(OPERATOR, ADMIN));
        onlyTheseMay(HttpMethod.POST, "/api/disconnections/3399999999/termination-requests", Map.of("reason", "x"),
                List.of(OPERATOR, ADMIN));
        onlyTheseMay(HttpMethod.POST, "/api/weather-alerts", Map.of(), List.of(OPERATOR, ADMIN));
    }

    @Test
    void onlyCounterStaffRecordContactChecksAtTheCounterAndStartTheCounterForm() {
        onlyTheseMay(HttpMethod.POST, "/api/customers/3399999999/contact-checks",
                Map.of("phone", "13912345678", "role", "OWNER", "confirmed", true), List.of(COUNTER, ADMIN));
        for (String user : List.of(OPERATOR, LEADER, MANAGER_T01, DESK, DUTY, CREW_T01, AUDITOR, DESIGNER, BILLING, COUNTER)) {
            Response response = call(user, HttpMethod.POST, "/engine-rest/process-definition/key/counter-contact-check/submit-form",
                    Map.of("variables", Map.of("customerNo", Map.of("value", "3399999999"))));
            // 404: a role without READ on the definition does not even see it
            assertThat(response.allowed() && response.status() != 404)
                    .as(user + " starts the counter check: " + response.status() + " " + response.body()).isEqualTo(user.equals(COUNTER));
        }
        // counter staff read any customer (county-wide), like the desks
        assertThat(call(COUNTER, HttpMethod.GET, "/api/customers/3399999999", null).allowed()).isTrue();
    }

    @Test
    void onlyFeeControlOperatorsMaintainTheHolidayCalendarThatStaffRead() {
        onlyTheseMay(HttpMethod.PUT, "/api/calendar/years/2099", Map.of(), List.of(OPERATOR, ADMIN));
        onlyTheseMay(HttpMethod.GET, "/api/calendar/years", null, List.of(OPERATOR, LEADER, MANAGER_T01, DESK, DUTY, CREW_T01,
                AUDITOR, COUNTER, ADMIN));
    }

    @Test
    void paymentsAndRegistryDataComeFromTheBillingSystem() {
        onlyTheseMay(HttpMethod.POST, "/api/payments", Map.of(), List.of(BILLING, ADMIN));
        onlyTheseMay(HttpMethod.POST, "/api/customers", Map.of(), List.of(BILLING, ADMIN));
    }

    @Test
    void theCustomerTimelineIsForAuditorsOperatorsAndTheDesks() {
        onlyTheseMay(HttpMethod.GET, "/api/customers/3399999999/timeline", null, List.of(OPERATOR, AUDITOR, LEADER, DESK, DUTY, ADMIN));
    }

    @Test
    void onlyOperatorsStartADisconnectionThroughTheEngineApi() {
        for (String user : List.of(OPERATOR, LEADER, MANAGER_T01, DESK, AUDITOR, DESIGNER, CREW_T01, COUNTER)) {
            TestCustomer c = fixture.customer();
            Response response = call(user, HttpMethod.POST, "/engine-rest/process-definition/key/arrears-disconnection/start",
                    Map.of("businessKey", c.customerNo(), "variables", Map.of("customerNo", Map.of("value", c.customerNo(), "type", "String"))));
            assertThat(response.allowed()).as(user + " starts a disconnection: " + response.status() + " " + response.body())
                    .isEqualTo(user.equals(OPERATOR));
        }
    }

    @Test
    void nobodyButAdminDeletesModifiesOrSuspendsAProcessInstance() {
        TestCustomer c = fixture.customer();
        ProcessInstance pi = runtime.startProcessInstanceByKey("arrears-disconnection", c.customerNo(), Map.of("customerNo", c.customerNo()));
        for (String user : List.of(OPERATOR, LEADER, MANAGER_T01, DESK, DUTY, CREW_T01, AUDITOR, DESIGNER)) {
            assertThat(call(user, HttpMethod.DELETE, "/engine-rest/process-instance/" + pi.getId(), null).allowed()).as(user + " deletes").isFalse();
            assertThat(call(user, HttpMethod.PUT, "/engine-rest/process-instance/" + pi.getId() + "/suspended",
                    Map.of("suspended", true)).allowed()).as(user + " suspends").isFalse();
            assertThat(call(user, HttpMethod.POST, "/engine-rest/process-instance/" + pi.getId() + "/modification",
                    Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_RemoteTrip"))))
                    .allowed()).as(user + " modifies").isFalse();
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).active().count()).isEqualTo(1);
        assertThat(call(ADMIN, HttpMethod.DELETE, "/engine-rest/process-instance/" + pi.getId(), null).status()).isEqualTo(204);
    }

    @Test
    void tasksAreWorkedOnlyByTheirGroupAndDistrictManagersOnlyInTheirDistrict() {
        TestCustomer noAgreement = fixture.customer(DisconnectionFixture::withoutAgreement);
        ProcessInstance pi = runtime.startProcessInstanceByKey("arrears-disconnection", noAgreement.customerNo(),
                Map.of("customerNo", noAgreement.customerNo()));
        String operatorsTask = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
        for (String user : List.of(LEADER, MANAGER_T01, AUDITOR, DESK, CREW_T01)) {
            assertThat(call(user, HttpMethod.POST, "/engine-rest/task/" + operatorsTask + "/complete", Map.of()).status())
                    .as(user + " completes an operator's task").isEqualTo(403);
        }
        assertThat(call(OPERATOR, HttpMethod.POST, "/engine-rest/task/" + operatorsTask + "/complete", Map.of()).status()).isEqualTo(204);

        TestCustomer stale = fixture.customer(DisconnectionFixture::staleContact); // district TQ-T01
        ProcessInstance verifying = runtime.startProcessInstanceByKey("arrears-disconnection", stale.customerNo(),
                Map.of("customerNo", stale.customerNo()));
        String verifyTask = tasks.createTaskQuery().processInstanceId(verifying.getId()).singleResult().getId();
        Map<String, Object> form = Map.of("variables", Map.of(
                "contactPhone", Map.of("value", "13912345678"), "contactRole", Map.of("value", "OWNER"),
                "contactConfirmed", Map.of("value", "true")));
        assertThat(call(MANAGER_T03, HttpMethod.GET, "/engine-rest/task?processInstanceId=" + verifying.getId(), null).body())
                .as("another district's task is not even listed").isEqualTo("[]");
        assertThat(call(MANAGER_T03, HttpMethod.POST, "/engine-rest/task/" + verifyTask + "/complete", form).status()).isEqualTo(403);
        assertThat(call(MANAGER_T01, HttpMethod.POST, "/engine-rest/task/" + verifyTask + "/complete", form).status()).isEqualTo(204);
    }

    @Test
    void auditorsReadHistoryButChangeNothing() {
        TestCustomer c = fixture.customer(DisconnectionFixture::withoutAgreement);
        ProcessInstance pi = runtime.startProcessInstanceByKey("arrears-disconnection", c.customerNo(), Map.of("customerNo", c.customerNo()));
        String task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();

        Response historyAnswer = call(AUDITOR, HttpMethod.GET, "/engine-rest/history/process-instance?processInstanceId=" + pi.getId(), null);
        assertThat(historyAnswer.status()).isEqualTo(200);
        assertThat(historyAnswer.body()).contains(pi.getId());
        assertThat(call(AUDITOR, HttpMethod.GET, "/engine-rest/history/user-operation", null).status()).isEqualTo(200);
        assertThat(call(AUDITOR, HttpMethod.POST, "/engine-rest/task/" + task + "/complete", Map.of()).status()).isEqualTo(403);
        assertThat(call(AUDITOR, HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", AUDITOR)).status()).isEqualTo(403);
    }

    @Test
    void onlyDesignersAndAdminsDeployModels() {
        for (String user : List.of(DESIGNER, OPERATOR, AUDITOR, LEADER)) {
            var parts = new LinkedMultiValueMap<String, Object>();
            parts.add("deployment-name", "matrix-" + user);
            parts.add("probe.bpmn", new ByteArrayResource(PROBE.getBytes()) {
                @Override
                public String getFilename() {
                    return "probe.bpmn";
                }
            });
            int status = http.post().uri("/engine-rest/deployment/create").header(HttpHeaders.AUTHORIZATION, RoleUsers.basic(user))
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                    .exchange((req, res) -> res.getStatusCode().value());
            assertThat(status != 401 && status != 403).as(user + " deploys: " + status).isEqualTo(user.equals(DESIGNER));
        }
    }

    @Test
    void onlyALeaderDecidesTheReleaseOfANewCoreModelVersion() {
        RoleHttp roles = new RoleHttp(port, engine);
        String held = ChangedModels.deploymentId(roles.deploy(DESIGNER, "matrix-release", ChangedModels.files()));
        String released = null;
        try {
            String task = tasks.createTaskQuery().processDefinitionKey("model-release").singleResult().getId();
            Map<String, Object> approve = Map.of("variables", Map.of("releaseDecision", Map.of("value", "APPROVED", "type", "String")));
            for (String user : List.of(OPERATOR, MANAGER_T01, DESK, AUDITOR, DESIGNER)) {
                assertThat(call(user, HttpMethod.POST, "/engine-rest/task/" + task + "/complete", approve).allowed()).as(user).isFalse();
            }
            assertThat(call(LEADER, HttpMethod.POST, "/engine-rest/task/" + task + "/complete", approve).status()).isEqualTo(204);
            released = repository.createProcessDefinitionQuery().processDefinitionKey(ChangedModels.PROCESS).latestVersion()
                    .singleResult().getDeploymentId();
        } finally {
            ChangedModels.undeploy(repository, held, released);
        }
    }

    static final String PROBE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="probe">
              <process id="security-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="Event_Start" />
              </process>
            </definitions>
            """;
}
