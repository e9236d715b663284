package io.supplyguard.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import io.supplyguard.testsupport.TestAdminAutoConfiguration;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/** The registry REST API over real HTTP: happy paths, every validation rule, 404, import, history. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CustomerApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    record Answer(int status, JsonNode body) {
    }

    Answer post(String path, Object body) {
        return exchange(RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(TestAdminAutoConfiguration.USER, TestAdminAutoConfiguration.PASSWORD)).build().post().uri(path)
                .contentType(MediaType.APPLICATION_JSON).body(body instanceof String s ? s : json.valueToTree(body).toString()));
    }

    Answer get(String path) {
        return exchange(RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(TestAdminAutoConfiguration.USER, TestAdminAutoConfiguration.PASSWORD)).build().get().uri(path));
    }

    private Answer exchange(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, res) -> {
            HttpStatusCode status = res.getStatusCode();
            byte[] bytes = res.getBody().readAllBytes();
            return new Answer(status.value(), bytes.length == 0 ? null : json.readTree(bytes));
        });
    }

    ObjectNode customer(String customerNo, String meterNo) {
        ObjectNode c = json.createObjectNode();
        c.put("customerNo", customerNo);
        c.put("name", "张三");
        c.put("address", "沛县汉城路 8 号");
        c.put("usageClass", "RESIDENTIAL");
        c.put("district", "TQ-001");
        c.put("agreementSignedOn", "2024-03-01");
        ArrayNode contacts = c.putArray("contacts");
        ObjectNode owner = contacts.addObject();
        owner.put("phone", "13812345678");
        owner.put("role", "OWNER");
        owner.put("status", "VALID");
        owner.put("verifiedAt", "2026-06-01T10:00:00+08:00");
        owner.put("source", "COUNTER");
        ObjectNode meter = c.putObject("meter");
        meter.put("meterNo", meterNo);
        meter.put("commAddress", meterNo);
        meter.put("busId", "bus-1");
        ObjectNode account = c.putObject("account");
        account.put("balance", "0.00");
        account.put("arrears", "128.50");
        account.put("overdueSince", "2026-10-15");
        return c;
    }

    @Test
    void createsAndReadsBackACustomerWithContactsMeterAndAccount() {
        Answer created = post("/api/customers", customer("3200000001", "000000000101"));
        assertThat(created.status()).isEqualTo(201);

        Answer read = get("/api/customers/3200000001");
        assertThat(read.status()).isEqualTo(200);
        JsonNode body = read.body();
        assertThat(body.at("/name").asText()).isEqualTo("张三");
        assertThat(body.at("/importanceGrade").asText()).isEqualTo("NONE");
        assertThat(body.at("/billingMode").asText()).isEqualTo("POSTPAID");
        assertThat(body.at("/contacts/0/phone").asText()).isEqualTo("13812345678");
        assertThat(body.at("/contacts/0/status").asText()).isEqualTo("VALID");
        assertThat(body.at("/meter/meterNo").asText()).isEqualTo("000000000101");
        assertThat(body.at("/meter/passwordLevel").asText()).isEqualTo("02");
        assertThat(body.at("/meter/relayState").asText()).isEqualTo("UNKNOWN");
        assertThat(body.at("/meter").has("password")).as("meter password is never served").isFalse();
        assertThat(body.at("/meter").has("operatorCode")).isFalse();
        assertThat(body.at("/meter").has("target")).as("nor is the driver's view of the meter").isFalse();
        assertThat(body.at("/account/arrears").decimalValue()).isEqualByComparingTo("128.50");
        assertThat(body.at("/account/overdueSince").asText()).isEqualTo("2026-10-15");
        assertThat(body.at("/bindings").size()).isEqualTo(1);
    }

    @Test
    void updatingTheSameCustomerAgainAnswers200AndKeepsOneBinding() {
        ObjectNode c = customer("3200000002", "000000000102");
        assertThat(post("/api/customers", c).status()).isEqualTo(201);
        c.put("name", "张三（更名）");
        Answer again = post("/api/customers", c);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().at("/name").asText()).isEqualTo("张三（更名）");
        assertThat(again.body().at("/bindings").size()).isEqualTo(1);
    }

    @Test
    void tenantChangeKeepsTheOldContactInHistory() {
        ObjectNode c = customer("3200000003", "000000000103");
        ObjectNode tenant = ((ArrayNode) c.get("contacts")).addObject();
        tenant.put("phone", "13900000001");
        tenant.put("role", "TENANT");
        assertThat(post("/api/customers", c).status()).isEqualTo(201);

        ((ObjectNode) c.get("contacts").get(1)).put("phone", "13900000002");
        JsonNode after = post("/api/customers", c).body();

        assertThat(after.at("/contacts").findValuesAsText("phone")).containsExactly("13812345678", "13900000002");
        assertThat(after.at("/contactHistory").size()).isEqualTo(1);
        assertThat(after.at("/contactHistory/0/phone").asText()).isEqualTo("13900000001");
        assertThat(after.at("/contactHistory/0/role").asText()).isEqualTo("TENANT");
        assertThat(after.at("/contactHistory/0/validTo").isNull()).isFalse();
    }

    @Test
    void meterExchangeEndsTheOldBindingAndKeepsIt() {
        ObjectNode c = customer("3200000004", "000000000104");
        post("/api/customers", c);
        ((ObjectNode) c.get("meter")).put("meterNo", "000000000204");
        ((ObjectNode) c.get("meter")).put("commAddress", "000000000204");
        JsonNode after = post("/api/customers", c).body();
        assertThat(after.at("/meter/meterNo").asText()).isEqualTo("000000000204");
        assertThat(after.at("/bindings").size()).isEqualTo(2);
        assertThat(after.at("/bindings/0/meterNo").asText()).isEqualTo("000000000104");
        assertThat(after.at("/bindings/0/validTo").isMissingNode()).isFalse();
        assertThat(after.at("/bindings/1/validTo").isMissingNode()).isTrue();
    }

    @Test
    void aMeterBoundToAnotherCustomerIsAConflict() {
        post("/api/customers", customer("3200000005", "000000000105"));
        Answer answer = post("/api/customers", customer("3200000006", "000000000105"));
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().at("/field").asText()).isEqualTo("meter.meterNo");
        assertThat(answer.body().at("/detail").asText()).contains("3200000005");
        assertThat(get("/api/customers/3200000006").status()).isEqualTo(404);
    }

    @Test
    void changingTheBalanceOfAnExistingCustomerThroughTheRegistryIsAConflict() {
        ObjectNode c = customer("3200000007", "000000000107");
        post("/api/customers", c);
        ((ObjectNode) c.get("account")).put("arrears", "0.00");
        Answer answer = post("/api/customers", c);
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().at("/field").asText()).isEqualTo("account");
    }

    @Test
    void unknownCustomerIs404NamingTheId() {
        Answer answer = get("/api/customers/3299999999");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().at("/detail").asText()).contains("3299999999");
        assertThat(answer.body().at("/status").asInt()).isEqualTo(404);
    }

    @Test
    void malformedCustomerNumberInThePathIs400() {
        Answer answer = get("/api/customers/abc");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().at("/errors/0/field").asText()).isEqualTo("customerNo");
    }

    /** Each row: JSON pointer to set, value (JSON literal), field expected in the error, rule. */
    @ParameterizedTest(name = "{0} = {1} -> 400 on {2} ({3})")
    @CsvSource(delimiter = '|', value = {
            "/customerNo | \"12345\" | customerNo | Pattern",
            "/customerNo | null | customerNo | NotNull",
            "/name | \"\" | name | NotBlank",
            "/address | \"  \" | address | NotBlank",
            "/usageClass | \"FACTORY\" | usageClass | Enum",
            "/usageClass | null | usageClass | NotNull",
            "/district | \"台区 1\" | district | Pattern",
            "/agreementSignedOn | \"2099-01-01\" | agreementSignedOn | PastOrPresent",
            "/agreementSignedOn | \"01.03.2024\" | agreementSignedOn | Format",
            "/importanceGrade | \"VIP\" | importanceGrade | Enum",
            "/importanceGrade | \"GRADE_1\" | supervisingBody | Consistency",
            "/safetySensitive | true | safetyReason | Consistency",
            "/safetyReason | \"MEDICAL\" | safetyReason | Consistency",
            "/contacts/0/phone | \"12345678901\" | contacts[0].phone | Pattern",
            "/contacts/0/phone | \"1381234567\" | contacts[0].phone | Pattern",
            "/contacts/0/role | \"NEIGHBOUR\" | contacts[0].role | Enum",
            "/contacts/0/status | \"OK\" | contacts[0].status | Enum",
            "/contacts/0/verifiedAt | null | contacts[0].verifiedAt | Consistency",
            "/meter/meterNo | \"12345\" | meter.meterNo | Pattern",
            "/meter/commAddress | \"00000000010A\" | meter.commAddress | Pattern",
            "/meter/busId | null | meter.busId | NotNull",
            "/meter/passwordLevel | \"2\" | meter.passwordLevel | Pattern",
            "/meter/password | \"12345\" | meter.password | Pattern",
            "/meter/operatorCode | \"XYZ\" | meter.operatorCode | Pattern",
            "/meter/closeMode | \"BUTTON\" | meter.closeMode | Enum",
            "/account/balance | 10.123 | account.balance | Digits",
            "/account/arrears | -1.00 | account.arrears | DecimalMin",
            "/account/arrears | \"lots\" | account.arrears | Format",
            "/unexpected | 1 | unexpected | Unknown",
    })
    void everyRuleIsA400NamingFieldAndRule(String pointer, String value, String field, String rule) throws Exception {
        ObjectNode c = customer("3200000100", "000000000900");
        int cut = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) c.at(pointer.substring(0, cut));
        parent.set(pointer.substring(cut + 1), json.readTree(value));

        Answer answer = post("/api/customers", c);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().at("/type").asText()).isEqualTo("urn:supplyguard:problem:validation");
        assertThat(answer.body().at("/errors").findValuesAsText("field")).contains(field);
        assertThat(answer.body().at("/errors").findValuesAsText("rule")).contains(rule);
        assertThat(answer.body().at("/detail").asText()).contains(field);
        assertThat(get("/api/customers/3200000100").status()).isEqualTo(404);
    }

    @Test
    void landlineWithAreaCodeIsAccepted() {
        ObjectNode c = customer("3200000008", "000000000108");
        ((ObjectNode) c.get("contacts").get(0)).put("phone", "0516-89012345");
        assertThat(post("/api/customers", c).status()).isEqualTo(201);
    }

    @Test
    void bodyThatIsNotJsonIs400() {
        Answer answer = post("/api/customers", "{not json");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().at("/errors/0/field").asText()).isEqualTo("body");
    }

    @Test
    void importSavesValidRowsAndReportsEachInvalidRowWithItsNumber() {
        ArrayNode rows = json.createArrayNode();
        rows.add(customer("3200000201", "000000000201"));
        ObjectNode badPhone = customer("3200000202", "000000000202");
        ((ObjectNode) badPhone.get("contacts").get(0)).put("phone", "555");
        rows.add(badPhone);
        rows.add(customer("3200000203", "000000000203"));
        ObjectNode badEnum = customer("3200000204", "000000000204");
        badEnum.put("usageClass", "FACTORY");
        rows.add(badEnum);
        rows.add(customer("3200000205", "000000000201")); // meter already bound to row 1

        Answer answer = post("/api/customers/import", rows);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().at("/received").asInt()).isEqualTo(5);
        assertThat(answer.body().at("/created").asInt()).isEqualTo(2);
        JsonNode rejected = answer.body().at("/rejected");
        assertThat(rejected.findValuesAsText("row")).containsExactly("2", "4", "5");
        assertThat(rejected.at("/0/errors/0/field").asText()).isEqualTo("contacts[0].phone");
        assertThat(rejected.at("/1/errors/0/field").asText()).isEqualTo("usageClass");
        assertThat(rejected.at("/2/errors/0/rule").asText()).isEqualTo("Conflict");
        for (String saved : List.of("3200000201", "3200000203")) {
            assertThat(get("/api/customers/" + saved).status()).isEqualTo(200);
        }
        for (String refused : List.of("3200000202", "3200000204", "3200000205")) {
            assertThat(get("/api/customers/" + refused).status()).isEqualTo(404);
        }
    }

    @Test
    void importOfSomethingOtherThanAnArrayIs400() {
        Answer answer = post("/api/customers/import", customer("3200000300", "000000000300"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().at("/errors/0/field").asText()).isEqualTo("body");
    }
}
