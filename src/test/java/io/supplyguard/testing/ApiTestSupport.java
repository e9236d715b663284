package io.supplyguard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import io.supplyguard.testsupport.TestAdminAutoConfiguration;
import org.springframework.web.client.RestClient;

/**
 * Real HTTP against the running application, with registered customers to work with. The account
 * and notification tests share this one Spring context; customer and meter numbers never repeat in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTestSupport {

    private static final AtomicLong NUMBERS = new AtomicLong(3300000000L);

    @LocalServerPort
    protected int port;

    @Autowired
    protected ObjectMapper json;

    /** What after-commit listeners do (warning SMS, reconnections) happens after the answer: wait for it. */
    @Autowired
    protected io.supplyguard.testsupport.AfterCommitEvents afterCommit;

    public record Answer(int status, JsonNode body) {
    }

    protected Answer post(String path, Object body) {
        return exchange(client().post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .body(body instanceof String s ? s : json.valueToTree(body).toString()));
    }

    protected Answer get(String path) {
        return exchange(client().get().uri(path));
    }

    private RestClient client() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(TestAdminAutoConfiguration.USER, TestAdminAutoConfiguration.PASSWORD)).build();
    }

    private Answer exchange(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            return new Answer(res.getStatusCode().value(), bytes.length == 0 ? null : json.readTree(bytes));
        });
    }

    protected static String nextCustomerNo() {
        return Long.toString(NUMBERS.incrementAndGet());
    }

    /** A registered customer (agreement signed, meter bound, one VALID contact). */
    protected ObjectNode customer(String customerNo, String balance, String arrears, String overdueSince) {
        ObjectNode c = json.createObjectNode();
        c.put("customerNo", customerNo);
        c.put("name", "李四");
        c.put("address", "沛县汉城路 18 号");
        c.put("usageClass", "RESIDENTIAL");
        c.put("district", "TQ-ACC");
        c.put("agreementSignedOn", "2024-03-01");
        ArrayNode contacts = c.putArray("contacts");
        ObjectNode owner = contacts.addObject();
        owner.put("phone", "13912345678");
        owner.put("role", "OWNER");
        owner.put("status", "VALID");
        // verified recently: only a contact verified within the validity period (180 days) gets SMS
        owner.put("verifiedAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).minusDays(30)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        ObjectNode meter = c.putObject("meter");
        String meterNo = "00" + customerNo;
        meter.put("meterNo", meterNo);
        meter.put("commAddress", meterNo);
        meter.put("busId", "bus-acc");
        ObjectNode account = c.putObject("account");
        account.put("balance", balance);
        account.put("arrears", arrears);
        if (overdueSince != null) {
            account.put("overdueSince", overdueSince);
        }
        return c;
    }

    protected String register(ObjectNode customer) {
        Answer answer = post("/api/customers", customer);
        if (answer.status() != 201) {
            throw new IllegalStateException("registration failed: " + answer);
        }
        return customer.get("customerNo").asText();
    }

    protected String registerCustomer(String balance, String arrears, String overdueSince) {
        return register(customer(nextCustomerNo(), balance, arrears, overdueSince));
    }

    protected ObjectNode payment(String paymentId, String customerNo, String amount) {
        ObjectNode p = json.createObjectNode();
        p.put("paymentId", paymentId);
        p.put("customerNo", customerNo);
        p.put("amount", amount);
        p.put("paidAt", "2026-11-01T09:30:00+08:00");
        p.put("channel", "WECHAT");
        return p;
    }
}
