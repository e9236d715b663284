package io.supplyguard.release;

import static io.supplyguard.identity.RoleUsers.ADMIN;
import static io.supplyguard.identity.RoleUsers.DESIGNER;
import static io.supplyguard.identity.RoleUsers.LEADER;
import static io.supplyguard.identity.RoleUsers.LEADING_DESIGNER;
import static io.supplyguard.identity.RoleUsers.OPERATOR;
import static io.supplyguard.release.ChangedModels.HELD_PROCESS;
import static io.supplyguard.release.ChangedModels.PROCESS;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.disconnection.DisconnectionFixture;
import io.supplyguard.disconnection.DisconnectionFixture.TestCustomer;
import io.supplyguard.identity.IdentityDirectory;
import io.supplyguard.identity.RoleHttp;
import io.supplyguard.identity.RoleHttp.Response;
import io.supplyguard.identity.RoleUsers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Rule 4 of issue 15, over real HTTP with the roles' own passwords: a new version of a core model
 * that a process designer deploys through {@code /engine-rest/deployment/create} (what Camunda
 * Modeler does) is not used until a leader other than its author approves it; new instances start on
 * the approved version until then; a rejected version stays suspended with the leader's reason. The
 * leader's side in Tasklist itself: {@code ModelReleaseBrowserTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class ModelReleaseTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired IdentityDirectory directory;
    @Autowired DisconnectionFixture fixture;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ModelReleases releases;

    RoleHttp http;
    final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void setUp() {
        RoleUsers.ensure(directory);
        http = new RoleHttp(port, engine);
        DisconnectionFixture.setClock(DisconnectionFixture.TUESDAY_10_00);
    }

    @AfterEach
    void tearDown() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
        ChangedModels.undeploy(repository, deployments.toArray(String[]::new));
        ClockUtil.reset();
    }

    String deployChanged(String user) {
        Response response = http.deploy(user, "欠费停电优化", ChangedModels.files());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String id = ChangedModels.deploymentId(response);
        deployments.add(id);
        return id;
    }

    String latest(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getId();
    }

    /** Starts a disconnection as an operator over engine REST, as Tasklist and the billing integration do: by key. */
    String startedDefinition() {
        TestCustomer customer = fixture.customer(DisconnectionFixture::withoutAgreement);
        Response started = http.post(OPERATOR, "/engine-rest/process-definition/key/" + PROCESS + "/start", Map.of(
                "businessKey", customer.customerNo(), "variables", Map.of("customerNo", Map.of("value", customer.customerNo(), "type", "String"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(customer.customerNo()).singleResult().getProcessDefinitionId();
    }

    String releaseTask(String heldDeployment) {
        String instance = releases.find(heldDeployment).orElseThrow().releaseInstanceId();
        return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    Response decide(String user, String taskId, String decision, String reason) {
        return http.post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of(
                "releaseDecision", Map.of("value", decision, "type", "String"),
                "releaseReason", Map.of("value", reason, "type", "String"))));
    }

    String resource(String deploymentId, String name) {
        try (var in = repository.getResourceAsStream(deploymentId, name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    @Test
    void aDesignersNewVersionIsUnusedUntilAnotherLeaderApprovesItAndUsedAfter() {
        String approved = latest(PROCESS);

        String held = deployChanged(DESIGNER);

        assertThat(latest(PROCESS)).as("the approved version is still the latest").isEqualTo(approved);
        assertThat(http.get(OPERATOR, "/engine-rest/process-definition/key/" + PROCESS).body()).contains("\"id\":\"" + approved + "\"");
        assertThat(startedDefinition()).as("a new instance starts on the approved version").isEqualTo(approved);
        ProcessDefinition heldCopy = repository.createProcessDefinitionQuery().deploymentId(held).processDefinitionKey(HELD_PROCESS).singleResult();
        assertThat(heldCopy.isSuspended()).isTrue();
        assertThat(heldCopy.getName()).isEqualTo("欠费停电（待发布）");
        Response heldStart = http.post(ADMIN, "/engine-rest/process-definition/key/" + HELD_PROCESS + "/start", Map.of());
        assertThat(heldStart.status()).as("the held copy cannot be started, not even by an admin: " + heldStart.body()).isEqualTo(400);

        String task = releaseTask(held);
        assertThat(tasks.getVariable(task, "releaseChanges").toString())
                .contains("新增元素 " + ChangedModels.ADDED_TASK + "「" + ChangedModels.ADDED_TASK_NAME + "」")
                .contains("修改元素 Task_ApproveDisconnection「领导审批停电」（userTask） → Task_ApproveDisconnection「"
                        + ChangedModels.RENAMED_TASK_NAME + "」（userTask）")
                .contains("disconnection-policy：", "修改规则 Rule_10：")
                .doesNotContain("删除");
        assertThat(tasks.getVariable(task, "releaseDeployedBy")).isEqualTo(DESIGNER);
        assertThat(decide(DESIGNER, task, "APPROVED", "").status()).as("the author is no leader: not his task").isEqualTo(403);

        Response approval = decide(LEADER, task, "APPROVED", "两级审批已核对");
        assertThat(approval.status()).as(approval.body()).isEqualTo(204);

        String released = latest(PROCESS);
        assertThat(released).isNotEqualTo(approved);
        var release = releases.find(held).orElseThrow();
        assertThat(release.status()).isEqualTo(ModelReleases.Status.RELEASED);
        assertThat(release.decidedBy()).as("the engine's authenticated user").isEqualTo(LEADER);
        deployments.add(release.releasedDeploymentId());
        ProcessDefinition releasedDefinition = repository.getProcessDefinition(released);
        assertThat(releasedDefinition.getDeploymentId()).isEqualTo(release.releasedDeploymentId());
        assertThat(resource(releasedDefinition.getDeploymentId(), "arrears-disconnection.bpmn"))
                .as("released as its author deployed it").isEqualTo(ChangedModels.arrearsDisconnection());
        assertThat(repository.getDecisionDefinition(repository.createDecisionDefinitionQuery().decisionDefinitionKey("disconnection-policy")
                .latestVersion().singleResult().getId()).getDeploymentId()).isEqualTo(release.releasedDeploymentId());
        assertThat(startedDefinition()).as("a new instance starts on the released version").isEqualTo(released);
    }

    @Test
    void aLeaderCannotReleaseHisOwnVersionAndARejectedVersionStaysSuspendedWithTheReason() {
        String approved = latest(PROCESS);
        String held = deployChanged(LEADING_DESIGNER);
        String task = releaseTask(held);

        Response own = decide(LEADING_DESIGNER, task, "APPROVED", "");
        assertThat(own.status()).isEqualTo(400);
        assertThat(own.body()).contains("不能审批自己部署的模型");
        Response noReason = decide(LEADER, task, "REJECTED", " ");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("驳回时必须说明理由");
        assertThat(releases.find(held).orElseThrow().status()).as("nothing recorded by a refusal").isEqualTo(ModelReleases.Status.PENDING);

        assertThat(decide(LEADER, task, "REJECTED", "第十条规则不应要求审批").status()).isEqualTo(204);

        assertThat(latest(PROCESS)).isEqualTo(approved);
        assertThat(repository.createProcessDefinitionQuery().deploymentId(held).processDefinitionKey(HELD_PROCESS).singleResult().isSuspended()).isTrue();
        var rejected = releases.find(held).orElseThrow();
        assertThat(rejected.status()).isEqualTo(ModelReleases.Status.REJECTED);
        assertThat(rejected.decidedBy()).isEqualTo(LEADER);
        Response visible = http.get(DESIGNER, "/api/model-releases");
        assertThat(visible.status()).isEqualTo(200);
        assertThat(visible.body()).contains(held, "REJECTED", "第十条规则不应要求审批", LEADER);
        assertThat(startedDefinition()).isEqualTo(approved);
    }

    @Test
    void anAdministratorsDeploymentIsHeldToo() {
        String approved = latest(PROCESS);
        String held = deployChanged(ADMIN);
        assertThat(latest(PROCESS)).isEqualTo(approved);
        assertThat(releases.find(held).orElseThrow().deployedBy()).isEqualTo(ADMIN);
    }

    @Test
    void aJavaApiDeploymentOnAUsersBehalfIsHeld() {
        String approved = latest(PROCESS);
        var builder = repository.createDeployment().name("java-api");
        ChangedModels.files().forEach((name, content) -> builder.addInputStream(name, new java.io.ByteArrayInputStream(content)));
        engine.getIdentityService().setAuthentication(DESIGNER, List.of(io.supplyguard.identity.Roles.PROCESS_DESIGNERS));
        try {
            deployments.add(builder.deploy().getId());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(latest(PROCESS)).isEqualTo(approved);
        assertThat(releases.find(deployments.get(0)).orElseThrow().deployedBy()).isEqualTo(DESIGNER);
    }

    @Test
    void theApplicationsOwnStartUpDeploymentIsNotHeld() {
        for (String key : List.of("arrears-disconnection", "important-customer-disconnection", "payment-reconnection",
                "emergency-reconnection", "reconnection-sweep", "contact-verification", "model-release")) {
            ProcessDefinition definition = repository.getProcessDefinition(latest(key));
            assertThat(definition.isSuspended()).isFalse();
            assertThat(repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult().getName())
                    .isEqualTo("SpringAutoDeployment");
            assertThat(releases.isHeld(definition.getDeploymentId())).isFalse();
        }
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKeyLike("%.awaiting-release").active().count()).isZero();
    }

    @Test
    void aHeldKeyCannotBeDeployedAsAnActiveModel() {
        Response response = http.deploy(DESIGNER, "held-key", Map.of("held.bpmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="held">
                  <process id="arrears-disconnection.awaiting-release" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="Event_Start" />
                  </process>
                </definitions>
                """.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("are reserved");
    }
}
