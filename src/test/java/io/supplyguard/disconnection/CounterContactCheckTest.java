package io.supplyguard.disconnection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplyguard.customer.ContactCheckChannel;
import io.supplyguard.customer.ContactRole;
import io.supplyguard.customer.ContactStatus;
import io.supplyguard.customer.CustomerRegistration;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.RecordedContactCheck;
import io.supplyguard.disconnection.DisconnectionFixture.TestCustomer;
import io.supplyguard.identity.IdentityDirectory;
import io.supplyguard.identity.RoleUsers;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * 营业厅 (issue 18 item 4): counter staff confirm or correct a contact at any visit, over REST or the
 * Tasklist start form; the confirmation is a verification (who, when, which number) that releases a
 * disconnection waiting for a verified contact — and every SMS goes to the contact the gate accepted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class CounterContactCheckTest {

    @LocalServerPort int port;
    @Autowired DisconnectionFixture fixture;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired org.camunda.bpm.engine.IdentityService identity;
    @Autowired IdentityDirectory directory;
    @Autowired CustomerRegistry registry;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    record Answer(int status, String body) {
    }

    @BeforeEach
    void setUp() {
        RoleUsers.ensure(directory);
        DisconnectionFixture.setClock(DisconnectionFixture.TUESDAY_10_00);
    }

    @AfterEach
    void tearDown() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
        ClockUtil.reset();
    }

    @Test
    void aCounterConfirmationIsAVerificationThatReleasesTheDisconnectionWaitingForAContact() throws Exception {
        TestCustomer c = fixture.customer(DisconnectionFixture::staleContact);
        String pi = startWaitingForAContact(c);

        Answer answer = post(RoleUsers.COUNTER, "/api/customers/" + c.customerNo() + "/contact-checks",
                Map.of("phone", "13800001234", "role", "OWNER", "confirmed", true));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("status").asText()).isEqualTo("VALID");
        assertThat(body.get("checkedBy").asText()).isEqualTo(RoleUsers.COUNTER);
        assertThat(OffsetDateTime.parse(body.get("verifiedAt").asText())).isAtSameInstantAs(DisconnectionFixture.now());

        List<RecordedContactCheck> checks = registry.contactChecks(c.customerNo());
        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.phone()).isEqualTo("13800001234");
            assertThat(check.channel()).isEqualTo(ContactCheckChannel.COUNTER);
            assertThat(check.checkedBy()).isEqualTo(RoleUsers.COUNTER);
            assertThat(check.confirmed()).isTrue();
            assertThat(check.checkedAt()).isAtSameInstantAs(DisconnectionFixture.now());
        });
        assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_VerifyContact").count())
                .as("the district manager's task is gone").isZero();
        fixture.runDueJobs();
        assertThat(smsPhones(c, "ARREARS_REMINDER")).containsExactly("13800001234");
    }

    @Test
    void aCounterConfirmationAlsoReleasesTheCheckBeforeTheCutAndTheCutGoesAhead() {
        TestCustomer c = fixture.customer();
        String pi = runtime.startProcessInstanceByKey("arrears-disconnection", c.customerNo(),
                Map.of("customerNo", c.customerNo(), "trigger", "TEST")).getId();
        fixture.runDueJobs();
        fixture.fireNextTimer(pi);
        DisconnectionFixture.completeAsCandidate(identity, tasks, tasks.createTaskQuery().processInstanceId(pi).singleResult().getId(),
                Map.of("noticePostedAt", DisconnectionFixture.now().toString(), "noticePlace", "楼道", "noticeEvidenceRef", "IMG-1"));
        registry.markContactUnverified(c.customerNo(), "13800001234", "SMS_RECEIPT"); // the notice SMS bounced
        fixture.fireNextTimer(pi);
        assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_VerifyContactBeforeCut").count()).isOne();

        assertThat(post(RoleUsers.COUNTER, "/api/customers/" + c.customerNo() + "/contact-checks",
                Map.of("phone", "13800001234", "role", "OWNER", "confirmed", true)).status()).isEqualTo(201);
        assertThat(tasks.createTaskQuery().processInstanceId(pi).count()).as("no task waits any more").isZero();
        fixture.fireNextTimer(pi);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
        assertThat(smsPhones(c, "DISCONNECTED")).containsExactly("13800001234");
    }

    @Test
    void theCounterCorrectsTheNumberInTheTasklistStartFormAsTheUserTheEngineAuthenticated() {
        TestCustomer c = fixture.customer(DisconnectionFixture::staleContact);
        String pi = startWaitingForAContact(c);

        Answer started = post(RoleUsers.COUNTER, "/engine-rest/process-definition/key/counter-contact-check/submit-form",
                Map.of("variables", Map.of("customerNo", Map.of("value", c.customerNo()),
                        "contactPhone", Map.of("value", "13911112222"), "contactRole", Map.of("value", "TENANT"),
                        "contactConfirmed", Map.of("value", "true"), "checkedBy", Map.of("value", "somebody-else"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);

        var tenant = registry.get(c.customerNo()).contacts().stream().filter(k -> k.role() == ContactRole.TENANT).findFirst()
                .orElseThrow();
        assertThat(tenant.phone()).isEqualTo("13911112222");
        assertThat(tenant.status()).isEqualTo(ContactStatus.VALID);
        assertThat(registry.contactChecks(c.customerNo())).singleElement()
                .satisfies(check -> assertThat(check.checkedBy()).as("the engine's user, not a form field").isEqualTo(RoleUsers.COUNTER));
        fixture.runDueJobs();
        assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_VerifyContact").count()).isZero();
        assertThat(smsPhones(c, "ARREARS_REMINDER")).containsExactly("13911112222");

        Answer wrong = post(RoleUsers.COUNTER, "/engine-rest/process-definition/key/counter-contact-check/submit-form",
                Map.of("variables", Map.of("customerNo", Map.of("value", c.customerNo()),
                        "contactPhone", Map.of("value", "12345"), "contactRole", Map.of("value", "TENANT"),
                        "contactConfirmed", Map.of("value", "true"))));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("phone");
    }

    @Test
    void theReminderGoesToTheVerifiedContactTheGateAcceptedNotToAnUnverifiedTenant() {
        TestCustomer c = fixture.customer(r -> withContacts(r, List.of(
                new CustomerRegistration.Contact("13800001234", ContactRole.OWNER, ContactStatus.VALID,
                        OffsetDateTime.parse("2026-11-01T09:00:00+08:00"), "TEST"),
                new CustomerRegistration.Contact("13955556666", ContactRole.TENANT, ContactStatus.VALID, null, "TEST"))));
        String pi = runtime.startProcessInstanceByKey("arrears-disconnection", c.customerNo(),
                Map.of("customerNo", c.customerNo(), "trigger", "TEST")).getId();
        fixture.runDueJobs();

        assertThat(runtime.getVariable(pi, "contactPhone")).as("the gate accepted the owner's verified number").isEqualTo("13800001234");
        assertThat(smsPhones(c, "ARREARS_REMINDER")).containsExactly("13800001234");
    }

    @Test
    void aCounterCheckNamesWhatIsWrongAndKnowsNoUnknownCustomer() {
        TestCustomer c = fixture.customer();
        Answer bad = post(RoleUsers.COUNTER, "/api/customers/" + c.customerNo() + "/contact-checks",
                Map.of("phone", "123", "role", "LANDLORD"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("phone", "role", "confirmed");
        assertThat(post(RoleUsers.COUNTER, "/api/customers/3399999998/contact-checks",
                Map.of("phone", "13800001234", "role", "OWNER", "confirmed", true)).status()).isEqualTo(404);
        assertThat(registry.contactChecks(c.customerNo())).isEmpty();
    }

    private String startWaitingForAContact(TestCustomer c) {
        String pi = runtime.startProcessInstanceByKey("arrears-disconnection", c.customerNo(),
                Map.of("customerNo", c.customerNo(), "trigger", "TEST")).getId();
        fixture.runDueJobs();
        assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_VerifyContact").count()).isOne();
        return pi;
    }

    private List<String> smsPhones(TestCustomer c, String template) {
        return jdbc.sql("SELECT phone FROM sms_message WHERE customer_no = ? AND template = ? ORDER BY created_at")
                .params(c.customerNo(), template).query(String.class).list();
    }

    private static CustomerRegistration withContacts(CustomerRegistration r, List<CustomerRegistration.Contact> contacts) {
        return new CustomerRegistration(r.customerNo(), r.name(), r.address(), r.usageClass(), r.billingMode(), r.district(),
                r.agreementSignedOn(), r.importanceGrade(), r.safetySensitive(), r.safetyReason(), r.supervisingBody(), contacts,
                r.meter(), r.account());
    }

    private Answer post(String user, String path, Object body) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (req, res) -> { }).build()
                .post().uri(path).header(HttpHeaders.AUTHORIZATION, RoleUsers.basic(user))
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), new String(res.getBody().readAllBytes())));
    }
}
