package io.supplyguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine REST API runs every call as the HTTP Basic user, so Camunda's authorizations decide:
 * an auditor reads history but deletes nothing, nobody reads a task of another candidate group.
 * Same annotations as the browser tests: it shares their Spring context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class EngineRestAuthorizationTest {

    static final String KEY = "rest-authorization-probe";

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;

    String deploymentId;
    String instanceId;

    @BeforeEach
    void deployAndStart() {
        // /engine-rest finds its engine by name in Camunda's static registry; in a full run another
        // test context may have claimed "default" since this one started
        ProcessEngines.registerProcessEngine(engine);
        deploymentId = repository.createDeployment().addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY)
                .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Probe").camundaCandidateGroups("district-managers-TQ-003")
                .endEvent().done()).deploy().getId();
        instanceId = runtime.startProcessInstanceByKey(KEY).getId();
    }

    @AfterEach
    void undeploy() {
        repository.deleteDeployment(deploymentId, true);
    }

    @Test
    void withoutCredentialsNothingIsAnswered() throws Exception {
        assertThat(call(null, "GET", "/engine-rest/process-instance").statusCode()).isEqualTo(401);
    }

    @Test
    void anAuditorReadsTheInstanceButCannotDeleteIt() throws Exception {
        assertThat(call("auditor", "GET", "/engine-rest/process-instance/" + instanceId).statusCode()).isEqualTo(200);
        HttpResponse<String> delete = call("auditor", "DELETE", "/engine-rest/process-instance/" + instanceId);
        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(403);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isOne();
    }

    @Test
    void aDistrictManagerDoesNotSeeAnotherDistrictsTask() throws Exception {
        assertThat(call("manager", "GET", "/engine-rest/task?processInstanceId=" + instanceId).body()).isEqualTo("[]");
        assertThat(call("manager3", "GET", "/engine-rest/task?processInstanceId=" + instanceId).body()).contains("Task_Probe");
    }

    private HttpResponse<String> call(String user, String method, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
