package io.supplyguard.disconnection;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.disconnection.DisconnectionFixture.TestCustomer;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

/** Termination requests, weather alerts and SMS delivery receipts over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class TerminationApiTest {

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired DisconnectionFixture fixture;
    @Autowired io.supplyguard.notification.SmsHistory smsHistory;

    @AfterEach
    void tearDown() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
        ClockUtil.reset();
    }

    @Test
    void aTerminationRequestGivesTheLeadersAnApprovalTaskOnce() {
        DisconnectionFixture.setClock(DisconnectionFixture.TUESDAY_10_00);
        TestCustomer c = fixture.customer();
        runtime.startProcessInstanceByKey("arrears-disconnection", c.customerNo(), Map.of("customerNo", c.customerNo()));

        var accepted = http.postForEntity("/api/disconnections/" + c.customerNo() + "/termination-requests",
                Map.of("reason", "客户已签分期缴费协议", "requestedBy", "operator"), Map.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(c.customerNo()).taskDefinitionKey("Task_ApproveTermination")
                .taskCandidateGroup("leaders").count()).isEqualTo(1);

        var again = http.postForEntity("/api/disconnections/" + c.customerNo() + "/termination-requests",
                Map.of("reason", "再次申请", "requestedBy", "operator"), Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aTerminationWithoutReasonIsA400NamingTheField() {
        var response = http.postForEntity("/api/disconnections/3300000001/termination-requests",
                Map.of("requestedBy", "operator"), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("\"field\":\"reason\"");
    }

    @Test
    void aTerminationForACustomerWithoutRunningDisconnectionIsA404() {
        var response = http.postForEntity("/api/disconnections/3399999999/termination-requests",
                Map.of("reason", "x", "requestedBy", "operator"), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).contains("3399999999");
    }

    @Test
    void weatherAlertsAreRaisedListedAndEnded() {
        var created = http.postForEntity("/api/weather-alerts", Map.of("district", "TQ-W01", "kind", "STORM",
                "activeFrom", "2026-12-01T00:00:00+08:00", "activeUntil", "2026-12-02T00:00:00+08:00", "raisedBy", "operator"), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Number id = (Number) created.getBody().get("id");
        assertThat(http.getForObject("/api/weather-alerts?district=TQ-W01", String.class)).contains("STORM");

        http.delete("/api/weather-alerts/" + id);
        assertThat(http.getForObject("/api/weather-alerts?district=TQ-W01", String.class)).contains("endedAt");
    }

    @Test
    void aWeatherAlertEndingBeforeItStartsIsA400() {
        var response = http.postForEntity("/api/weather-alerts", Map.of("district", "TQ-W01", "kind", "STORM",
                "activeFrom", "2026-12-02T00:00:00+08:00", "activeUntil", "2026-12-01T00:00:00+08:00", "raisedBy", "operator"), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("activeUntil");
    }

    @Test
    void aFailedDeliveryReceiptOfTheReminderGivesTheDistrictManagerAVerificationTask() {
        DisconnectionFixture.setClock(DisconnectionFixture.TUESDAY_10_00);
        TestCustomer c = fixture.customer();
        var pi = runtime.startProcessInstanceByKey("arrears-disconnection", c.customerNo(), Map.of("customerNo", c.customerNo()));
        fixture.runDueJobs();
        String reminder = smsHistory.of(c.customerNo()).stream()
                .filter(m -> m.template() == io.supplyguard.notification.SmsTemplate.ARREARS_REMINDER)
                .findFirst().orElseThrow().messageId();

        var receipt = http.postForEntity("/api/sms/receipts", Map.of("messageId", reminder, "status", "FAILED", "reason", "空号"),
                String.class);
        assertThat(receipt.getStatusCode().is2xxSuccessful()).as(receipt.getBody()).isTrue();
        fixture.awaitEvents();

        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_VerifyContactAfterBounce")
                .taskCandidateGroup("district-managers-TQ-T01").count()).isEqualTo(1);
    }
}
