package io.supplyguard.guard;

import static io.supplyguard.identity.RoleUsers.DESIGNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplyguard.identity.IdentityDirectory;
import io.supplyguard.identity.RoleHttp;
import io.supplyguard.identity.RoleHttp.Response;
import io.supplyguard.identity.RoleUsers;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Rule 3 of issue 15: a process designer deploying through {@code /engine-rest/deployment/create}
 * (what Camunda Modeler does) cannot make the engine run code of his choosing. Each refusal names the
 * element and the reason; nothing is deployed. The application's own models pass the same guard at
 * start-up (this context started with them), and the Java API is guarded too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeploymentGuardTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired IdentityDirectory directory;
    @Autowired RepositoryService repository;

    RoleHttp http;

    @BeforeEach
    void setUp() {
        RoleUsers.ensure(directory);
        http = new RoleHttp(port, engine);
    }

    static String process(String id, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="guard">
                  <process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                %s
                  </process>
                </definitions>
                """.formatted(id, body);
    }

    Response deploy(String user, String fileName, String content) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("deployment-name", "guard-" + fileName);
        parts.add(fileName, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return http.client().post().uri("/engine-rest/deployment/create").header(HttpHeaders.AUTHORIZATION, RoleUsers.basic(user))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((req, res) -> new Response(res.getStatusCode().value(),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8), String.valueOf(res.getHeaders().getContentType())));
    }

    void refused(String processId, String body, String elementId, String reason) {
        Response response = deploy(DESIGNER, processId + ".bpmn", process(processId, body));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("element '" + elementId + "'").contains(reason);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(processId).count()).as("nothing deployed").isZero();
    }

    @Test
    void aScriptTaskIsRefused() {
        refused("guard-script-task", """
                <startEvent id="Event_Start" />
                <scriptTask id="Task_Script" scriptFormat="javascript"><script>java.lang.Runtime.getRuntime().exec('sh')</script></scriptTask>
                <sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_Script" />
                """, "Task_Script", "scripts are not allowed");
    }

    @Test
    void scriptListenersAndScriptConditionsAreRefused() {
        refused("guard-script-listener", """
                <startEvent id="Event_Start">
                  <extensionElements><camunda:executionListener event="start">
                    <camunda:script scriptFormat="groovy">execution.processEngineServices.identityService</camunda:script>
                  </camunda:executionListener></extensionElements>
                </startEvent>
                """, "Event_Start", "scripts are not allowed");
        refused("guard-script-condition", """
                <startEvent id="Event_Start" />
                <endEvent id="Event_End" />
                <sequenceFlow id="Flow_Scripted" sourceRef="Event_Start" targetRef="Event_End">
                  <conditionExpression xsi:type="tFormalExpression" language="groovy">true</conditionExpression>
                </sequenceFlow>
                """, "Flow_Scripted", "script conditions are not allowed");
    }

    @Test
    void aTimerProcessCallingASwitchingDelegateIsRefused() {
        refused("guard-timer-trip", """
                <startEvent id="Event_Nightly"><timerEventDefinition><timeCycle>R/PT1H</timeCycle></timerEventDefinition></startEvent>
                <serviceTask id="Task_Cut" camunda:asyncBefore="true" camunda:delegateExpression="${tripMeter}" />
                <sequenceFlow id="Flow_1" sourceRef="Event_Nightly" targetRef="Task_Cut" />
                """, "Task_Cut", "switching delegate 'tripMeter' is used outside the activities");
    }

    @Test
    void anExpressionReachingTheEngineThroughTheExecutionIsRefused() {
        refused("guard-engine-access", """
                <startEvent id="Event_Start" />
                <serviceTask id="Task_MakeMeAdmin"
                    camunda:expression="${execution.processEngineServices.identityService.createMembership('designer', 'camunda-admin')}" />
                <sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_MakeMeAdmin" />
                """, "Task_MakeMeAdmin", "reaches the engine's services");
        refused("guard-engine-getter", """
                <startEvent id="Event_Start">
                  <extensionElements><camunda:executionListener event="start" expression="${execution.getProcessEngine().getName()}" /></extensionElements>
                </startEvent>
                """, "Event_Start", "reaches the engine's services");
        refused("guard-bracket", """
                <startEvent id="Event_Start">
                  <extensionElements><camunda:executionListener event="start" expression="${execution[name]}" /></extensionElements>
                </startEvent>
                """, "Event_Start", "bracket access");
    }

    @Test
    void beansOutsideTheAllowListAndJavaClassesAreRefused() {
        refused("guard-other-bean", """
                <startEvent id="Event_Start" />
                <serviceTask id="Task_StartAnything" camunda:expression="${runtimeService.startProcessInstanceByKey('arrears-disconnection')}" />
                <sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_StartAnything" />
                """, "Task_StartAnything", "names bean 'runtimeService'");
        refused("guard-java-class", """
                <startEvent id="Event_Start" />
                <serviceTask id="Task_Class" camunda:class="io.supplyguard.disconnection.RemoteTrip" />
                <sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_Class" />
                """, "Task_Class", "Java classes");
    }

    @Test
    void aModelWithinTheAllowListIsDeployed() {
        Response response = deploy(DESIGNER, "guard-clean.bpmn", process("guard-clean", """
                <startEvent id="Event_Start" />
                <serviceTask id="Task_Times" camunda:expression="${disconnectionTimes.reminderPeriod()}" camunda:resultVariable="period" />
                <sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_Times" />
                """));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void caseModelsAndScriptedDecisionsAreRefused() {
        Response cmmn = deploy(DESIGNER, "guard.cmmn", "<definitions xmlns=\"http://www.omg.org/spec/CMMN/20151109/MODEL\" />");
        assertThat(cmmn.status()).as(cmmn.body()).isEqualTo(400);
        assertThat(cmmn.body()).contains("CMMN case models are not allowed");
        Response dmn = deploy(DESIGNER, "guard.dmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Guard" name="guard" namespace="guard">
                  <decision id="Decision_Scripted" name="scripted">
                    <decisionTable id="DecisionTable_Scripted">
                      <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="string" expressionLanguage="javascript">
                        <text>java.lang.System.exit(1)</text></inputExpression></input>
                      <output id="Output_1" name="out" typeRef="string" />
                    </decisionTable>
                  </decision>
                </definitions>
                """);
        assertThat(dmn.status()).as(dmn.body()).isEqualTo(400);
        assertThat(dmn.body()).contains("InputExpression_1").contains("javascript");
    }

    @Test
    void theJavaApiIsGuardedToo() {
        assertThatThrownBy(() -> repository.createDeployment().addString("guard-java.bpmn", process("guard-java", """
                <startEvent id="Event_Start" />
                <serviceTask id="Task_Trip" camunda:delegateExpression="${tripMeter}" />
                <sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_Trip" />
                """)).deploy()).isInstanceOf(ParseException.class).hasMessageContaining("Task_Trip");
    }
}
