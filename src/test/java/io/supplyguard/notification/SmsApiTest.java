package io.supplyguard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplyguard.testing.ApiTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sending through the embedded gateway, the customer's SMS history, and delivery receipts over HTTP. */
class SmsApiTest extends ApiTestSupport {

    @Autowired Notifications notifications;
    @Autowired SmsReportProbe probe;

    Notifications.SentSms remind(String customerNo) {
        return notifications.sendSms(customerNo, SmsTemplate.ARREARS_REMINDER,
                Map.of("amount", "128.50", "deadline", "2026年12月5日"), "proc-1");
    }

    ObjectNode receipt(String messageId, String status) {
        ObjectNode r = json.createObjectNode();
        r.put("messageId", messageId);
        r.put("status", status);
        if ("FAILED".equals(status)) {
            r.put("reason", "空号");
        }
        return r;
    }

    @Test
    void aMessageGoesToTheValidContactWithTheChineseTextAndShowsInTheHistory() {
        String customerNo = registerCustomer("0.00", "128.50", "2026-10-15");

        Notifications.SentSms sent = remind(customerNo);

        assertThat(sent.phone()).isEqualTo("13912345678");
        Answer history = get("/api/customers/" + customerNo + "/sms");
        assertThat(history.status()).isEqualTo(200);
        JsonNode message = history.body().get(0);
        assertThat(message.get("messageId").asText()).isEqualTo(sent.messageId());
        assertThat(message.get("status").asText()).isEqualTo("SENT");
        assertThat(message.get("gateway").asText()).isEqualTo("EMBEDDED");
        assertThat(message.get("processInstanceId").asText()).isEqualTo("proc-1");
        assertThat(message.get("text").asText())
                .contains("户号" + customerNo).contains("128.50元").contains("2026年12月5日").contains("95598");
    }

    @Test
    void theTenantIsPreferredAndUnverifiedNumbersAreNeverUsed() {
        ObjectNode c = customer(nextCustomerNo(), "0.00", "0.00", null);
        ArrayNode contacts = (ArrayNode) c.get("contacts");
        ObjectNode tenant = contacts.addObject();
        tenant.put("phone", "13700000001");
        tenant.put("role", "TENANT");
        tenant.put("status", "VALID");
        tenant.put("verifiedAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).minusDays(60)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()); // verified before the owner
        ObjectNode agent = contacts.addObject();
        agent.put("phone", "13700000002");
        agent.put("role", "AGENT");
        String customerNo = register(c);
        assertThat(remind(customerNo).phone()).isEqualTo("13700000001");

        ObjectNode unverified = customer(nextCustomerNo(), "0.00", "0.00", null);
        ((ObjectNode) unverified.get("contacts").get(0)).put("status", "UNVERIFIED");
        String withoutValid = register(unverified);
        assertThatThrownBy(() -> remind(withoutValid)).isInstanceOf(NoValidContactException.class);
        assertThat(get("/api/customers/" + withoutValid + "/sms").body()).isEmpty();
    }

    @Test
    void aMissingTextParameterIsATechnicalError() {
        String customerNo = registerCustomer("0.00", "0.00", null);
        assertThatThrownBy(() -> notifications.sendSms(customerNo, SmsTemplate.ARREARS_REMINDER, Map.of("amount", "1"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline");
    }

    @Test
    void aFailedDeliveryMarksTheContactUnverifiedAndIsReportedOnce() {
        String customerNo = registerCustomer("0.00", "128.50", "2026-10-15");
        Notifications.SentSms sent = remind(customerNo);

        Answer answer = post("/api/sms/receipts", receipt(sent.messageId(), "FAILED"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("contactsMarkedUnverified").asInt()).isEqualTo(1);
        JsonNode customer = get("/api/customers/" + customerNo).body();
        assertThat(customer.at("/contacts/0/status").asText()).isEqualTo("UNVERIFIED");
        assertThat(customer.at("/contacts/0/source").asText()).isEqualTo("SMS_RECEIPT");
        JsonNode message = get("/api/customers/" + customerNo + "/sms").body().get(0);
        assertThat(message.get("status").asText()).isEqualTo("FAILED");
        assertThat(message.get("failureReason").asText()).isEqualTo("空号");
        assertThat(probe.of(sent.messageId())).singleElement().satisfies(report -> {
            assertThat(report.delivered()).isFalse();
            assertThat(report.phone()).isEqualTo("13912345678");
            assertThat(report.processInstanceId()).isEqualTo("proc-1");
        });

        Answer repeated = post("/api/sms/receipts", receipt(sent.messageId(), "FAILED"));
        assertThat(repeated.body().get("duplicate").asBoolean()).isTrue();
        assertThat(probe.of(sent.messageId())).hasSize(1);
        assertThat(post("/api/sms/receipts", receipt(sent.messageId(), "DELIVERED")).status()).isEqualTo(409);
        assertThatThrownBy(() -> remind(customerNo)).as("the only number is no longer trusted")
                .isInstanceOf(NoValidContactException.class);
    }

    @Test
    void aDeliveredMessageLeavesTheContactAlone() {
        String customerNo = registerCustomer("0.00", "0.00", null);
        Notifications.SentSms sent = remind(customerNo);
        Answer answer = post("/api/sms/receipts", receipt(sent.messageId(), "DELIVERED"));
        assertThat(answer.body().get("status").asText()).isEqualTo("DELIVERED");
        assertThat(get("/api/customers/" + customerNo).body().at("/contacts/0/status").asText()).isEqualTo("VALID");
        assertThat(probe.of(sent.messageId())).singleElement().satisfies(r -> assertThat(r.delivered()).isTrue());
    }

    @Test
    void unknownMessagesCustomersAndBrokenReceiptsAreRefused() {
        assertThat(post("/api/sms/receipts", receipt("00000000-0000-4000-8000-000000000000", "FAILED")).status())
                .isEqualTo(404);
        assertThat(get("/api/customers/3999999998/sms").status()).isEqualTo(404);
        Answer invalid = post("/api/sms/receipts", receipt("not-an-id", "LOST"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().at("/errors/0/field").asText()).isEqualTo("status");
        Answer missing = post("/api/sms/receipts", "{\"status\":\"FAILED\"}");
        assertThat(missing.body().at("/errors/0/field").asText()).isEqualTo("messageId");
        assertThat(missing.body().at("/errors/0/rule").asText()).isEqualTo("NotNull");
    }
}
