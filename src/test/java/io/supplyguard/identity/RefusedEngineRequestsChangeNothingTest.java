package io.supplyguard.identity;

import static io.supplyguard.identity.RoleUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.disconnection.DisconnectionFixture;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * A refused engine REST call leaves the engine exactly as it was: the same jobs with the same
 * retries, no incident, no failure in the job log, the same variables, activities and task
 * assignment. Each call is made over real HTTP by a district manager of the instance's own
 * district (who works its task but may not run, retry, correlate or modify) or of another
 * district; an administrator's same call then succeeds, so the refusal is not an accident of
 * the request. Same context as {@link SecurityMatrixTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class RefusedEngineRequestsChangeNothingTest {

    static final String KEY = "refusal-probe";

    @LocalServerPort int port;
    @Autowired IdentityDirectory directory;
    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;

    String deploymentId;
    String instanceId;

    /** One instance waiting at a timer, a district manager's task and a message, all at once. */
    static BpmnModelInstance probe() {
        var split = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
                .startEvent().parallelGateway("Gateway_Split");
        split.intermediateCatchEvent("Event_Timer").timerWithDuration("PT1H").endEvent("End_Timer");
        split.moveToNode("Gateway_Split").userTask("Task_Probe").camundaCandidateGroups("district-managers-TQ-T01")
                .endEvent("End_Task");
        return split.moveToNode("Gateway_Split").intermediateCatchEvent("Event_Message").message("Message_Probe")
                .endEvent("End_Message").done();
    }

    @BeforeEach
    void deployAndStart() {
        RoleUsers.ensure(directory);
        // /engine-rest finds its engine by name in Camunda's static registry (see EngineRestAuthorizationTest)
        ProcessEngines.registerProcessEngine(engine);
        deploymentId = repository.createDeployment().addModelInstance(KEY + ".bpmn", probe()).deploy().getId();
        instanceId = runtime.startProcessInstanceByKey(KEY, Map.of("amount", "235.50")).getId();
    }

    @AfterEach
    void undeploy() {
        repository.deleteDeployment(deploymentId, true);
    }

    @Test
    void aRefusedJobExecutionUsesNoRetry() {
        String job = timerJob().getId();
        for (int attempt = 0; attempt < 4; attempt++) {
            refusedWithoutChange(MANAGER_T01, HttpMethod.POST, "/engine-rest/job/" + job + "/execute", null);
        }
        assertThat(timerJob().getRetries()).isEqualTo(3);
        assertThat(call(ADMIN, HttpMethod.POST, "/engine-rest/job/" + job + "/execute", null)).isEqualTo(204);
        assertThat(runtime.getActiveActivityIds(instanceId)).doesNotContain("Event_Timer");
    }

    @Test
    void aRefusedRetryChangeChangesNoRetries() {
        Job job = timerJob();
        refusedWithoutChange(MANAGER_T01, HttpMethod.PUT, "/engine-rest/job/" + job.getId() + "/retries", Map.of("retries", 0));
        refusedWithoutChange(MANAGER_T01, HttpMethod.PUT, "/engine-rest/job-definition/" + job.getJobDefinitionId() + "/retries",
                Map.of("retries", 0));
        refusedWithoutChange(MANAGER_T01, HttpMethod.PUT, "/engine-rest/job/" + job.getId() + "/suspended", Map.of("suspended", true));
        assertThat(call(ADMIN, HttpMethod.PUT, "/engine-rest/job/" + job.getId() + "/retries", Map.of("retries", 5))).isEqualTo(204);
        assertThat(timerJob().getRetries()).isEqualTo(5);
    }

    @Test
    void aRefusedCorrelationTouchesNoVariableAndMovesNothing() {
        Map<String, Object> correlation = Map.of("messageName", "Message_Probe", "processInstanceId", instanceId,
                "processVariables", Map.of("amount", Map.of("value", "0.00"), "forged", Map.of("value", true)));
        refusedWithoutChange(MANAGER_T01, HttpMethod.POST, "/engine-rest/message", correlation);
        refusedWithoutChange(MANAGER_T03, HttpMethod.POST, "/engine-rest/message", correlation);
        assertThat(call(ADMIN, HttpMethod.POST, "/engine-rest/message", correlation)).isEqualTo(204);
        assertThat(runtime.getVariable(instanceId, "forged")).isEqualTo(true);
    }

    @Test
    void aRefusedModificationOrVariableWriteChangesNothing() {
        refusedWithoutChange(MANAGER_T01, HttpMethod.POST, "/engine-rest/process-instance/" + instanceId + "/modification",
                Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "End_Message"),
                        Map.of("type", "cancel", "activityId", "Event_Timer")),
                        "skipCustomListeners", true));
        refusedWithoutChange(MANAGER_T01, HttpMethod.POST, "/engine-rest/process-instance/" + instanceId + "/variables",
                Map.of("modifications", Map.of("amount", Map.of("value", "0.00"))));
        refusedWithoutChange(MANAGER_T01, HttpMethod.PUT, "/engine-rest/process-instance/" + instanceId + "/variables/amount",
                Map.of("value", "0.00"));
        refusedWithoutChange(MANAGER_T01, HttpMethod.DELETE, "/engine-rest/process-instance/" + instanceId + "/variables/amount", null);
        refusedWithoutChange(MANAGER_T01, HttpMethod.PUT, "/engine-rest/process-instance/" + instanceId + "/suspended",
                Map.of("suspended", true));
        String waitingForMessage = runtime.createExecutionQuery().processInstanceId(instanceId).activityId("Event_Message")
                .singleResult().getId();
        refusedWithoutChange(MANAGER_T01, HttpMethod.POST, "/engine-rest/execution/" + waitingForMessage + "/create-incident",
                Map.of("incidentType", "failedJob", "message", "forged"));
        assertThat(call(ADMIN, HttpMethod.PUT, "/engine-rest/process-instance/" + instanceId + "/variables/amount",
                Map.of("value", "0.00"))).isEqualTo(204);
        assertThat(runtime.getVariable(instanceId, "amount")).isEqualTo("0.00");
    }

    @Test
    void refusedTaskOperationsLeaveTheTaskAndItsVariablesAlone() {
        String task = probeTask().getId();
        Map<String, Object> variables = Map.of("variables", Map.of("amount", Map.of("value", "0.00")));
        String path = "/engine-rest/task/" + task;
        refusedWithoutChange(MANAGER_T03, HttpMethod.POST, path + "/complete", variables);
        refusedWithoutChange(MANAGER_T03, HttpMethod.POST, path + "/submit-form", variables);
        refusedWithoutChange(MANAGER_T03, HttpMethod.POST, path + "/resolve", variables);
        refusedWithoutChange(MANAGER_T03, HttpMethod.POST, path + "/claim", Map.of("userId", MANAGER_T03));
        refusedWithoutChange(MANAGER_T03, HttpMethod.POST, path + "/assignee", Map.of("userId", MANAGER_T03));
        refusedWithoutChange(MANAGER_T03, HttpMethod.POST, path + "/delegate", Map.of("userId", MANAGER_T03));
        refusedWithoutChange(MANAGER_T03, HttpMethod.POST, path + "/variables", Map.of("modifications", Map.of("amount", Map.of("value", "0.00"))));
        refusedWithoutChange(MANAGER_T03, HttpMethod.PUT, path + "/localVariables/forged", Map.of("value", true));
        refusedWithoutChange(MANAGER_T03, HttpMethod.PUT, path, Map.of("name", "forged", "priority", 0));
        assertThat(call(MANAGER_T01, HttpMethod.POST, path + "/claim", Map.of("userId", MANAGER_T01))).isEqualTo(204);
        assertThat(probeTask().getAssignee()).isEqualTo(MANAGER_T01);
    }

    private Job timerJob() {
        return management.createJobQuery().processInstanceId(instanceId).timers().singleResult();
    }

    private Task probeTask() {
        return tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    }

    /** Everything of the instance that a request could change. */
    record EngineState(Map<String, Object> jobRetries, long incidents, long failureLogs, Map<String, Object> variables,
            List<String> activities, long variableUpdates, String taskAssignee, String taskName, long operationLogs) {
    }

    private EngineState state() {
        Map<String, Object> retries = new TreeMap<>();
        management.createJobQuery().processInstanceId(instanceId).list()
                .forEach(job -> retries.put(job.getId(), job.getRetries() + (job.isSuspended() ? " suspended" : "")));
        Task task = probeTask();
        return new EngineState(retries,
                runtime.createIncidentQuery().processInstanceId(instanceId).count(),
                history.createHistoricJobLogQuery().processInstanceId(instanceId).failureLog().count(),
                new TreeMap<>(runtime.getVariables(instanceId)),
                runtime.getActiveActivityIds(instanceId).stream().sorted().toList(),
                history.createHistoricDetailQuery().processInstanceId(instanceId).variableUpdates().count(),
                task == null ? null : task.getAssignee(), task == null ? null : task.getName(),
                history.createUserOperationLogQuery().processInstanceId(instanceId).count()
                        + history.createUserOperationLogQuery().taskId(task == null ? "-" : task.getId()).count());
    }

    private void refusedWithoutChange(String user, HttpMethod method, String path, Object body) {
        EngineState before = state();
        int status = call(user, method, path, body);
        // 403, or 404 where the user may not even see the task or instance
        assertThat(status).as(user + " " + method + " " + path).isIn(403, 404);
        assertThat(state()).as("state after the refused " + method + " " + path).isEqualTo(before);
    }

    private int call(String user, HttpMethod method, String path, Object body) {
        var request = RestClient.create("http://localhost:" + port).method(method).uri(path)
                .header(HttpHeaders.AUTHORIZATION, RoleUsers.basic(user));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> res.getStatusCode().value());
    }
}
