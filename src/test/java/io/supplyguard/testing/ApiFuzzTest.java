package io.supplyguard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplyguard.notification.Notifications;
import io.supplyguard.notification.SmsTemplate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import io.supplyguard.testsupport.TestAdminAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad input never gives a 500 and never writes half a request. Every {@code /api} endpoint gets
 * its valid request with one part broken at a time — each field removed, null, of the wrong type,
 * empty, oversized, beyond its bounds — and whole bodies that are not what it expects; paths and
 * query parameters get malformed, oversized and wrongly encoded values. Every answer is below
 * 500; after every refused one (4xx) the customer's rows (registry, contacts, binding, account,
 * payments, bills, readings, SMS, process instances) are exactly as before. Each case works on a
 * customer of its own, so nothing else can change them. Counts per endpoint are printed.
 */
class ApiFuzzTest extends ApiTestSupport {

    private static final Map<String, Map<String, Integer>> COUNTS = new TreeMap<>();
    private static final String HUGE = "9".repeat(100_000);

    @Autowired JdbcClient jdbc;
    @Autowired Notifications notifications;

    @Test
    void registrationsOfBrokenCustomersAreRefusedWhole() {
        fuzzBody("POST /api/customers", () -> {
            String customerNo = nextCustomerNo();
            return new Case(customerNo, "/api/customers", customer(customerNo, "0.00", "12.50", "2026-10-01"));
        });
        fuzzBody("POST /api/customers/import", () -> {
            String customerNo = nextCustomerNo();
            ArrayNode rows = json.createArrayNode().add(customer(customerNo, "0.00", "12.50", "2026-10-01"));
            return new Case(customerNo, "/api/customers/import", rows);
        });
    }

    @Test
    void brokenPaymentsBillsAndReadingsBookNothing() {
        fuzzBody("POST /api/payments", () -> {
            String customerNo = registerCustomer("0.00", "30.00", "2026-10-01");
            return new Case(customerNo, "/api/payments", payment("FZ-" + customerNo, customerNo, "30.00"));
        });
        fuzzBody("POST /api/bills", () -> {
            String customerNo = registerCustomer("0.00", "0.00", null);
            ObjectNode bill = json.createObjectNode().put("billId", "FB-" + customerNo).put("customerNo", customerNo)
                    .put("amount", "100.00").put("dueDate", "2026-11-20");
            return new Case(customerNo, "/api/bills", bill);
        });
        fuzzBody("POST /api/readings", () -> {
            String customerNo = registerCustomer("80.00", "0.00", null);
            ObjectNode reading = json.createObjectNode().put("meterAddress", "00" + customerNo)
                    .put("readAt", "2026-11-02T00:15:00+08:00").put("kWh", "1234.56");
            return new Case(customerNo, "/api/readings", reading);
        });
    }

    @Test
    void brokenReceiptsTerminationsAndAlertsChangeNothing() {
        fuzzBody("POST /api/sms/receipts", () -> {
            String customerNo = registerCustomer("0.00", "30.00", "2026-10-01");
            String messageId = notifications.sendSms(customerNo, SmsTemplate.ARREARS_REMINDER,
                    Map.of("amount", "30.00", "deadline", "2026年12月5日"), null).messageId();
            return new Case(customerNo, "/api/sms/receipts",
                    json.createObjectNode().put("messageId", messageId).put("status", "FAILED").put("reason", "空号"));
        });
        fuzzBody("POST /api/disconnections/{customerNo}/termination-requests", () -> {
            String customerNo = registerCustomer("0.00", "30.00", "2026-10-01");
            return new Case(customerNo, "/api/disconnections/" + customerNo + "/termination-requests",
                    json.createObjectNode().put("reason", "客户已签订分期缴费协议"));
        });
        fuzzBody("POST /api/customers/{customerNo}/contact-checks", () -> {
            String customerNo = registerCustomer("0.00", "30.00", "2026-10-01");
            return new Case(customerNo, "/api/customers/" + customerNo + "/contact-checks",
                    json.createObjectNode().put("phone", "13912345678").put("role", "OWNER").put("confirmed", true));
        });
        fuzzBody("POST /api/weather-alerts", () -> {
            String customerNo = registerCustomer("0.00", "0.00", null);
            return new Case(customerNo, "/api/weather-alerts", json.createObjectNode().put("district", "TQ-F" + customerNo.substring(6))
                    .put("kind", "STORM").put("activeFrom", "2026-12-01T00:00:00+08:00").put("activeUntil", "2026-12-02T00:00:00+08:00"));
        });
    }

    @Test
    void malformedPathsAndQueriesAreClientErrors() throws Exception {
        String customerNo = registerCustomer("0.00", "30.00", "2026-10-01");
        List<String> values = List.of("x", "-1", "0", "3200100001%3Bdrop", "%E4%B8%AD%E6%96%87", "%00", "..%2F..%2Fetc",
                "%20", "null", "99999999999999999999999999", "1e999", "3".repeat(4000), "%25", "a%2Fb", "%2e%2e", "%C0%AF");
        Map<String, Function<String, String>> endpoints = new LinkedHashMap<>();
        endpoints.put("GET /api/customers/{customerNo}", v -> "/api/customers/" + v);
        endpoints.put("GET /api/customers/{customerNo}/sms", v -> "/api/customers/" + v + "/sms");
        endpoints.put("GET /api/customers/{customerNo}/timeline", v -> "/api/customers/" + v + "/timeline");
        endpoints.put("GET /api/payments/{paymentId}", v -> "/api/payments/" + v);
        endpoints.put("GET /api/notices/{processInstanceId}.pdf", v -> "/api/notices/" + v + ".pdf");
        endpoints.put("GET /api/notices?district=&date=", v -> "/api/notices?district=" + v + "&date=" + v);
        endpoints.put("GET /api/weather-alerts?district=", v -> "/api/weather-alerts?district=" + v);
        endpoints.put("DELETE /api/weather-alerts/{id}", v -> "/api/weather-alerts/" + v);
        endpoints.put("GET /api/kpis?from=&to=", v -> "/api/kpis?from=" + v + "&to=2026-11-30");
        endpoints.put("GET /api/kpis (range)", v -> "/api/kpis?from=2026-11-01&to=" + v);
        endpoints.put("GET /api/reports/disconnected-without-arrears", v -> "/api/reports/disconnected-without-arrears?limit=" + v);
        endpoints.put("GET /api/fee-control/evaluations/{id}/customers", v -> "/api/fee-control/evaluations/" + v + "/customers");
        endpoints.put("GET /api/fee-control/evaluations/{id}/customers?limit=", v -> "/api/fee-control/evaluations/1/customers?limit=" + v
                + "&outcome=" + v + "&after=" + v);
        for (var endpoint : endpoints.entrySet()) {
            String method = endpoint.getKey().substring(0, endpoint.getKey().indexOf(' '));
            for (String value : values) {
                Map<String, Object> before = footprint(customerNo);
                int status = raw(method, endpoint.getValue().apply(value), null, null);
                count(endpoint.getKey(), status);
                assertThat(status).as(method + " " + endpoint.getValue().apply(value)).isBetween(200, 499);
                if (status >= 400) {
                    assertThat(footprint(customerNo)).isEqualTo(before);
                }
            }
        }
        // a percent-encoded letter, digit or -._~ in the path: 400, with or without credentials
        for (String path : List.of("/engine%2Drest/process-instance", "/engine%2drest/task", "/%61pi/customers/" + customerNo,
                "/api/customers/%33200100001", "/actuator/%68ealth")) {
            for (boolean authenticated : List.of(false, true)) {
                int status = authenticated ? raw("GET", path, null, null) : anonymous(path);
                count("malformed path", status);
                assertThat(status).as(path + (authenticated ? " as admin" : " anonymous")).isEqualTo(400);
            }
        }
    }

    @Test
    void conflictsAreProblemsNamingTheField() {
        String first = registerCustomer("0.00", "0.00", null);
        String secondNo = nextCustomerNo();

        ObjectNode sameAddress = customer(secondNo, "0.00", "0.00", null);
        ((ObjectNode) sameAddress.get("meter")).put("commAddress", "00" + first);
        assertConflict(post("/api/customers", sameAddress), "meter.commAddress");

        ObjectNode sameMeter = customer(secondNo, "0.00", "0.00", null);
        ((ObjectNode) sameMeter.get("meter")).put("meterNo", "00" + first).put("commAddress", "00" + first);
        assertConflict(post("/api/customers", sameMeter), "meter.meterNo");
        assertThat(footprint(secondNo)).containsEntry("customer", 0L).containsEntry("customer_contact", 0L);

        Answer imported = post("/api/customers/import", json.createArrayNode().add(sameAddress));
        assertThat(imported.body().at("/rejected/0/errors/0/field").asText()).isEqualTo("meter.commAddress");

        String payer = registerCustomer("0.00", "30.00", "2026-10-01");
        assertThat(post("/api/payments", payment("FZ-DUP-" + payer, payer, "30.00")).status()).isEqualTo(201);
        assertConflict(post("/api/payments", payment("FZ-DUP-" + payer, payer, "31.00")), "paymentId");
    }

    private static void assertConflict(Answer answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
        assertThat(answer.body().get("field").asText()).as(answer.toString()).isEqualTo(field);
        assertThat(answer.body().get("detail").asText()).isNotBlank();
    }

    /** The request of one case: a customer of its own, the path, a valid body. */
    record Case(String customerNo, String path, JsonNode body) {
    }

    private void fuzzBody(String endpoint, java.util.function.Supplier<Case> fresh) {
        Case valid = fresh.get();
        int validStatus = raw("POST", valid.path(), valid.body().toString(), "application/json");
        assertThat(validStatus).as(endpoint + " with its valid request").isBetween(200, 499);
        List<String> paths = new ArrayList<>();
        leaves(valid.body(), "", paths);
        paths.remove(""); // the whole body: below
        for (String path : paths) {
            for (JsonNode broken : List.of(json.nullNode(), json.getNodeFactory().textNode(""), json.getNodeFactory().textNode("  "),
                    json.getNodeFactory().textNode(HUGE), json.getNodeFactory().textNode("abc\u0000\u202e"),
                    json.getNodeFactory().numberNode(12345), json.getNodeFactory().textNode("-0.01"),
                    json.getNodeFactory().textNode("0.001"), json.getNodeFactory().textNode("1e400"),
                    json.getNodeFactory().textNode("9999999999999999999999.99"), json.getNodeFactory().textNode("2026-02-30"),
                    json.getNodeFactory().textNode("9999-12-31T23:59:59+08:00"), json.getNodeFactory().booleanNode(true),
                    json.createObjectNode(), json.createArrayNode())) {
                Case c = fresh.get();
                send(endpoint, c, replace(c.body(), path, broken).toString(), "application/json");
            }
            Case c = fresh.get();
            send(endpoint, c, replace(c.body(), path, null).toString(), "application/json");
        }
        for (String body : List.of("", "null", "[]", "{}", "{", "\"x\"", "[{}]", "12", "[null]", "{\"unknown\":1}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":\"" + HUGE.repeat(20) + "\"}")) {
            Case c = fresh.get();
            send(endpoint, c, body, "application/json");
        }
        Case c = fresh.get();
        send(endpoint, c, c.body().toString(), "text/plain");
        Case extra = fresh.get();
        JsonNode withExtra = extra.body().deepCopy();
        (withExtra.isArray() ? (ObjectNode) withExtra.get(0) : (ObjectNode) withExtra).put("forged", "x");
        send(endpoint, extra, withExtra.toString(), "application/json");
    }

    private void send(String endpoint, Case c, String body, String contentType) {
        Map<String, Object> before = footprint(c.customerNo());
        HttpResponse<String> response = exchange("POST", c.path(), body, contentType, true);
        int status = response.statusCode();
        count(endpoint, status);
        String shown = body.length() > 200 ? body.substring(0, 200) + "…" : body;
        assertThat(status).as(endpoint + " " + shown).isBetween(200, 499);
        // an import answers 200 and lists the rows it refused; each case imports one row
        boolean rowRefused = status == 200 && response.body().contains("\"rejected\":[{");
        if (status >= 400 || rowRefused) {
            assertThat(footprint(c.customerNo())).as("nothing written by the refused " + endpoint + " " + shown).isEqualTo(before);
        }
    }

    /** Every row of the customer's that any endpoint writes. */
    private Map<String, Object> footprint(String customerNo) {
        Map<String, Object> rows = new TreeMap<>();
        for (String table : List.of("customer", "customer_contact", "contact_check", "meter_binding", "payment", "bill", "meter_reading", "sms_message")) {
            rows.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE customer_no = ?").param(customerNo).query(Long.class).single());
        }
        rows.put("meter", jdbc.sql("SELECT COUNT(*) FROM meter WHERE meter_no = ?").param("00" + customerNo).query(Long.class).single());
        rows.put("account", jdbc.sql("SELECT balance || '/' || arrears FROM account WHERE customer_no = ?").param(customerNo)
                .query(String.class).optional().orElse("-"));
        rows.put("sms status", jdbc.sql("SELECT COUNT(*) FROM sms_message WHERE customer_no = ? AND status <> 'SENT'")
                .param(customerNo).query(Long.class).single());
        rows.put("weather_alert", jdbc.sql("SELECT COUNT(*) FROM weather_alert WHERE district = ?")
                .param("TQ-F" + customerNo.substring(6)).query(Long.class).single());
        rows.put("process instances", jdbc.sql("SELECT COUNT(*) FROM act_ru_execution WHERE business_key_ = ?")
                .param(customerNo).query(Long.class).single());
        rows.put("tasks", jdbc.sql("""
                SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
                WHERE e.business_key_ = ?""").param(customerNo).query(Long.class).single());
        return rows;
    }

    private static void leaves(JsonNode node, String path, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> leaves(e.getValue(), path + "/" + e.getKey(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), path + "/" + i, into);
            }
            into.add(path);
        } else {
            into.add(path);
        }
    }

    /** A copy with the node at {@code path} replaced, or removed when {@code value} is null. */
    private static JsonNode replace(JsonNode body, String path, JsonNode value) {
        JsonNode copy = body.deepCopy();
        int cut = path.lastIndexOf('/');
        JsonNode parent = cut <= 0 ? copy : copy.at(path.substring(0, cut));
        String last = path.substring(cut + 1);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(last);
            } else {
                object.set(last, value);
            }
        } else if (parent instanceof ArrayNode array) {
            if (value == null) {
                array.remove(Integer.parseInt(last));
            } else {
                array.set(Integer.parseInt(last), value);
            }
        }
        return copy;
    }

    private int raw(String method, String path, String body, String contentType) {
        return send(method, path, body, contentType, true);
    }

    private int anonymous(String path) {
        return send("GET", path, null, null, false);
    }

    private int send(String method, String path, String body, String contentType, boolean authenticated) {
        return exchange(method, path, body, contentType, authenticated).statusCode();
    }

    private HttpResponse<String> exchange(String method, String path, String body, String contentType, boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authenticated) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (TestAdminAutoConfiguration.USER + ":" + TestAdminAutoConfiguration.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static synchronized void count(String endpoint, int status) {
        COUNTS.computeIfAbsent(endpoint, e -> new TreeMap<>()).merge(status / 100 + "xx " + status, 1, Integer::sum);
    }

    @AfterAll
    static void printCounts() {
        System.out.println("ApiFuzzTest: answers per endpoint");
        COUNTS.forEach((endpoint, statuses) -> System.out.printf("  %-62s %5d  %s%n", endpoint,
                statuses.values().stream().mapToInt(Integer::intValue).sum(), statuses));
    }
}
