package io.supplyguard.notification.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplyguard.testing.ApiTestSupport;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Process contact-verification: monthly timer, one task per district, answers recorded in the registry. */
class ContactVerificationProcessTest extends ApiTestSupport {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired FormService forms;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    String district(String name) {
        return name + "-" + nextCustomerNo().substring(6);
    }

    String customerIn(String district, String phone, String status, String verifiedAt) {
        ObjectNode c = customer(nextCustomerNo(), "0.00", "0.00", null);
        c.put("district", district);
        ObjectNode contact = (ObjectNode) c.get("contacts").get(0);
        contact.put("phone", phone);
        contact.put("status", status);
        if (verifiedAt == null) {
            contact.remove("verifiedAt");
        } else {
            contact.put("verifiedAt", verifiedAt);
        }
        return register(c);
    }

    JsonNode contactsOf(String customerNo) {
        return get("/api/customers/" + customerNo).body();
    }

    @Test
    void theMonthlyTimerListsStaleUnverifiedAndInvalidContactsPerDistrictAndRecordsTheAnswers() throws Exception {
        String north = district("TQ-N");
        String south = district("TQ-S");
        String recent = OffsetDateTime.now().minusDays(1).toString();
        String stale = customerIn(north, "13600000001", "VALID", "2025-01-01T10:00:00+08:00");
        String unverified = customerIn(north, "13600000002", "UNVERIFIED", null);
        String fresh = customerIn(north, "13600000003", "VALID", recent);
        ObjectNode moving = customer(nextCustomerNo(), "0.00", "0.00", null);
        moving.put("district", north);
        ObjectNode tenant = ((ArrayNode) moving.get("contacts")).addObject();
        tenant.put("phone", "13600000005");
        tenant.put("role", "TENANT");
        String tenantChanged = register(moving);
        String invalid = customerIn(south, "13600000004", "INVALID", "2025-01-01T10:00:00+08:00");

        Job timer = management.createJobQuery().processDefinitionKey(ContactVerificationVariables.PROCESS_ID)
                .timers().singleResult();
        assertThat(timer).as("timer start event scheduled on deployment").isNotNull();
        var firstRun = timer.getDuedate().toInstant().atZone(ZoneId.of("Asia/Shanghai"));
        assertThat(firstRun.getDayOfMonth()).isEqualTo(1);
        assertThat(firstRun.getHour()).isEqualTo(8);

        ClockUtil.setCurrentTime(timer.getDuedate());
        management.executeJob(timer.getId());
        ProcessInstance campaign = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ContactVerificationVariables.PROCESS_ID).active().singleResult();
        assertThat(campaign).isWaitingAt("Task_FindContactsToVerify");
        assertThat(management.createJobQuery().processDefinitionKey(ContactVerificationVariables.PROCESS_ID)
                .timers().singleResult().getDuedate().toInstant().atZone(ZoneId.of("Asia/Shanghai")))
                .as("next month scheduled").isEqualTo(firstRun.plusMonths(1));
        management.executeJob(management.createJobQuery().processInstanceId(campaign.getId()).singleResult().getId());

        assertThat(campaign).isWaitingAt("Task_VerifyContacts");
        Task northTask = taskFor(campaign, north);
        Task southTask = taskFor(campaign, south);
        assertThat(northTask).hasCandidateGroup("district-managers-" + north).hasName("核实台区联系方式（" + north + "）");
        assertThat(northTask.getDueDate()).isAfter(new java.util.Date());
        String northList = (String) tasks.getVariable(northTask.getId(), "candidateList");
        assertThat(northList).contains(stale + " | 李四 | 13600000001 | 户主 | 有效（超期未核实）")
                .contains(unverified + " | 李四 | 13600000002 | 户主 | 未核实 | 从未核实")
                .contains(tenantChanged).doesNotContain(fresh).doesNotContain(invalid);
        assertThat(tasks.getVariable(northTask.getId(), "candidateCount")).isEqualTo(3);
        assertThat((String) tasks.getVariable(southTask.getId(), "candidateList")).contains(invalid + " | 李四 | 13600000004");
        try (InputStream form = forms.getDeployedTaskForm(northTask.getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"contact-verification\"");
        }

        // an answer that cannot be recorded is refused with the reason, the task stays open
        assertThatThrownBy(() -> tasks.complete(northTask.getId(),
                Map.of("confirmedCustomers", invalid, "corrections", stale + ",13600000009")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("不在台区 " + north).hasMessageContaining("更正第1行应为");
        assertThat(northTask).isNotNull();
        assertThat(tasks.createTaskQuery().taskId(northTask.getId()).singleResult()).isNotNull();

        Map<String, Object> answer = new HashMap<>();
        answer.put("confirmedCustomers", stale + "\n" + tenantChanged);
        answer.put("corrections", tenantChanged + "，13600000005，13700000006");
        answer.put("invalidContacts", unverified + " 13600000002");
        answer.put("remark", "入户核实");
        tasks.complete(northTask.getId(), answer);
        assertThat(campaign).isWaitingAt("Task_RecordVerification");
        executeJobsOf(campaign);

        assertThat(contactsOf(stale).at("/contacts/0/status").asText()).isEqualTo("VALID");
        assertThat(contactsOf(stale).at("/contacts/0/source").asText()).isEqualTo("CONTACT_VERIFICATION");
        assertThat(OffsetDateTime.parse(contactsOf(stale).at("/contacts/0/verifiedAt").asText()).toInstant())
                .as("verified at engine time").isEqualTo(ClockUtil.now().toInstant());
        assertThat(contactsOf(unverified).at("/contacts/0/status").asText()).isEqualTo("INVALID");
        JsonNode moved = contactsOf(tenantChanged);
        assertThat(moved.at("/contacts").findValuesAsText("phone")).containsExactly("13912345678", "13700000006");
        assertThat(moved.at("/contacts/1/role").asText()).isEqualTo("TENANT");
        assertThat(moved.at("/contacts/1/status").asText()).isEqualTo("VALID");
        assertThat(moved.at("/contactHistory/0/phone").asText()).isEqualTo("13600000005");

        // the other districts (other tests' customers included) answer nothing; the campaign ends
        for (Task other : tasks.createTaskQuery().processInstanceId(campaign.getId()).list()) {
            tasks.complete(other.getId());
        }
        executeJobsOf(campaign);
        assertThat(campaign).isEnded().hasPassed("Event_CampaignDone");
        assertThat(contactsOf(invalid).at("/contacts/0/status").asText()).as("no answer changes nothing")
                .isEqualTo("INVALID");
    }

    @Test
    void withNothingToVerifyTheCampaignEndsAtOnce() {
        ProcessInstance campaign = runtime.createProcessInstanceByKey(ContactVerificationVariables.PROCESS_ID)
                .startBeforeActivity("Gateway_AnyToVerify")
                .setVariable("districtCount", 0)
                .setVariable("staleBefore", OffsetDateTime.now().toString())
                .execute();
        assertThat(campaign).isEnded().hasPassed("Event_NothingToVerify").hasNotPassed("SubProcess_District");
    }

    private Task taskFor(ProcessInstance campaign, String district) {
        List<Task> found = tasks.createTaskQuery().processInstanceId(campaign.getId())
                .taskNameLike("%" + district + "%").list();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private void executeJobsOf(ProcessInstance campaign) {
        List<Job> jobs;
        while (!(jobs = management.createJobQuery().processInstanceId(campaign.getId()).executable().list()).isEmpty()) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }
}
