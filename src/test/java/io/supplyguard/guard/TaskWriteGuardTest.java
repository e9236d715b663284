package io.supplyguard.guard;

import static io.supplyguard.identity.RoleUsers.MANAGER_T01;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplyguard.disconnection.DisconnectionFixture;
import io.supplyguard.identity.IdentityDirectory;
import io.supplyguard.identity.RoleHttp;
import io.supplyguard.identity.RoleHttp.Response;
import io.supplyguard.identity.RoleUsers;
import io.supplyguard.identity.Roles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Rule 1 of issue 15: a task writes only its form. The district manager of TQ-T01 works a real
 * "verify contact" task of a real disconnection over {@code /engine-rest} with his own password and
 * tries every way to write more than the form's three input fields.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class TaskWriteGuardTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired IdentityDirectory directory;
    @Autowired DisconnectionFixture fixture;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;

    RoleHttp http;
    String processInstanceId;
    String taskId;

    @BeforeEach
    void aVerifyContactTaskOfDistrictT01() {
        RoleUsers.ensure(directory);
        http = new RoleHttp(port, engine);
        DisconnectionFixture.setClock(DisconnectionFixture.TUESDAY_10_00);
        var customer = fixture.customer(DisconnectionFixture::staleContact); // district TQ-T01
        processInstanceId = runtime.startProcessInstanceByKey("arrears-disconnection", customer.customerNo(),
                Map.of("customerNo", customer.customerNo())).getId();
        taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
        ClockUtil.reset();
    }

    static Map<String, Object> form(Map<String, Object> extra) {
        Map<String, Object> variables = new HashMap<>(Map.of(
                "contactPhone", Map.of("value", "13912345678"), "contactRole", Map.of("value", "OWNER"),
                "contactConfirmed", Map.of("value", "true")));
        variables.putAll(extra);
        return Map.of("variables", variables);
    }

    void refusedNaming(Response response, String variable) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("variable '" + variable + "'").contains("字段“" + variable + "”");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task stays open").isOne();
        assertThat(runtime.getVariable(processInstanceId, variable)).as("nothing written").isNotEqualTo("forged");
    }

    @Test
    void aCompletionWithAVariableTheFormDoesNotDeclareIsRefusedAndNothingIsWritten() {
        refusedNaming(http.post(MANAGER_T01, "/engine-rest/task/" + taskId + "/complete",
                form(Map.of("tripOutcome", Map.of("value", "forged")))), "tripOutcome");
        assertThat(runtime.getVariable(processInstanceId, "contactPhone")).isNull();
    }

    @Test
    void aFormSubmissionWithAnUndeclaredVariableIsRefusedToo() {
        refusedNaming(http.post(MANAGER_T01, "/engine-rest/task/" + taskId + "/submit-form",
                form(Map.of("disconnectionApproved", Map.of("value", true)))), "disconnectionApproved");
    }

    @Test
    void aDeclaredFieldWithTheWrongTypeOrAnUndeclaredChoiceIsRefused() {
        refusedNaming(http.post(MANAGER_T01, "/engine-rest/task/" + taskId + "/complete",
                form(Map.of("contactPhone", Map.of("value", 13912345678L)))), "contactPhone");
        refusedNaming(http.post(MANAGER_T01, "/engine-rest/task/" + taskId + "/complete",
                form(Map.of("contactRole", Map.of("value", "LANDLORD")))), "contactRole");
    }

    @Test
    void aReadOnlyFieldComesBackOnlyAsItWasShown() {
        refusedNaming(http.post(MANAGER_T01, "/engine-rest/task/" + taskId + "/complete",
                form(Map.of("district", Map.of("value", "TQ-T03")))), "district");
        assertThat(runtime.getVariable(processInstanceId, "district")).isEqualTo("TQ-T01");

        Response honest = http.post(MANAGER_T01, "/engine-rest/task/" + taskId + "/complete",
                form(Map.of("district", Map.of("value", "TQ-T01"), "customerName", Map.of("value", runtime.getVariable(processInstanceId, "customerName")))));
        assertThat(honest.status()).as(honest.body()).isEqualTo(204);
    }

    @Test
    void aDeclaredFieldThatTheProcessRefusesIsABadRequestNamingItNotAServerError() {
        Response response = http.post(MANAGER_T01, "/engine-rest/task/" + taskId + "/complete",
                form(Map.of("contactPhone", Map.of("value", "12345"))));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("field 'contactPhone'");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task stays open").isOne();
        assertThat(runtime.getVariable(processInstanceId, "contactPhone")).isNull();
    }

    @Test
    void theFormsOwnFieldsAreWrittenByAnHonestCompletion() {
        Response response = http.post(MANAGER_T01, "/engine-rest/task/" + taskId + "/complete", form(Map.of()));
        assertThat(response.status()).as(response.body()).isEqualTo(204);
        assertThat(runtime.getVariable(processInstanceId, "contactPhone")).isEqualTo("13912345678");
    }

    @Test
    void candidatesCannotSetTaskOrProcessVariablesOutsideCompletion() {
        String task = "/engine-rest/task/" + taskId;
        Map<String, Object> forged = Map.of("value", "forged", "type", "String");
        Map<String, Object> modifications = Map.of("modifications", Map.of("tripOutcome", forged));
        List<Response> attempts = List.of(
                http.put(MANAGER_T01, task + "/variables/tripOutcome", forged),
                http.post(MANAGER_T01, task + "/variables", modifications),
                http.put(MANAGER_T01, task + "/localVariables/tripOutcome", forged),
                http.post(MANAGER_T01, task + "/localVariables", modifications),
                http.post(MANAGER_T01, "/engine-rest/process-instance/" + processInstanceId + "/variables", modifications));
        for (Response attempt : attempts) {
            assertThat(attempt.status()).as(attempt.body()).isEqualTo(403);
        }
        Response claimed = http.post(MANAGER_T01, task + "/claim", Map.of("userId", MANAGER_T01));
        assertThat(claimed.status()).as("claiming is task work: " + claimed.body()).isEqualTo(204);
        assertThat(http.put(MANAGER_T01, task + "/variables/tripOutcome", forged).status()).as("neither as assignee").isEqualTo(403);
        Response resolve = http.post(MANAGER_T01, task + "/resolve", Map.of("variables", Map.of("tripOutcome", forged)));
        assertThat(resolve.status()).as(resolve.body()).isEqualTo(400);
        assertThat(resolve.body()).contains("variable 'tripOutcome'");
        assertThat(tasks.getVariables(taskId)).doesNotContainKey("tripOutcome");
    }

    @Test
    void theJavaApiOnAUsersBehalfFollowsTheSameRule() {
        identity.setAuthentication(MANAGER_T01, List.of(Roles.DISTRICT_MANAGERS, Roles.districtManagersOf("TQ-T01")));
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("contactPhone", "13912345678", "contactRole", "OWNER",
                "contactConfirmed", "true", "meterCheck", "MATCH")))
                .isInstanceOf(TaskWriteRefusedException.class).hasMessageContaining("variable 'meterCheck'");
        identity.clearAuthentication();
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isOne();
    }
}
