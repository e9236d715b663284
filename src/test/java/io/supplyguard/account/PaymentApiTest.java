package io.supplyguard.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import io.supplyguard.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** POST /api/payments over real HTTP: booking, idempotency, every validation rule, concurrency, event. */
class PaymentApiTest extends ApiTestSupport {

    @Autowired
    PaymentEventProbe probe;

    @Autowired
    Accounts accounts;

    @Test
    void aPaymentClearsArrearsFirstThenBecomesCreditAndPublishesTheEventAfterCommit() {
        String customerNo = registerCustomer("0.00", "128.50", "2026-10-15");

        Answer answer = post("/api/payments", payment("PAY-" + customerNo, customerNo, "200.00"));

        assertThat(answer.status()).isEqualTo(201);
        JsonNode body = answer.body();
        assertThat(body.at("/arrears").decimalValue()).isEqualByComparingTo("0");
        assertThat(body.at("/balance").decimalValue()).isEqualByComparingTo("71.50");
        assertThat(body.at("/replay").asBoolean()).isFalse();
        assertThat(texts(body.at("/triggered"))).containsExactly("PAYMENT_RECEIVED", "ARREARS_CLEARED");

        AccountStatus status = accounts.status(customerNo);
        assertThat(status.owes()).isFalse();
        assertThat(status.overdueSince()).as("nothing overdue once arrears are cleared").isNull();
        assertThat(status.lastPaymentAt()).isNotNull();

        assertThat(probe.of(customerNo)).singleElement().satisfies(heard -> {
            assertThat(heard.committed()).as("heard after commit").isTrue();
            assertThat(heard.event().clearedArrears()).isTrue();
            assertThat(heard.event().balanceAfter()).isEqualByComparingTo("71.50");
            assertThat(heard.event().paymentId()).isEqualTo("PAY-" + customerNo);
        });
    }

    @Test
    void aPartialPaymentLeavesTheRestOverdueSinceTheSameDay() {
        String customerNo = registerCustomer("0.00", "128.50", "2026-10-15");
        JsonNode body = post("/api/payments", payment("PART-" + customerNo, customerNo, "28.5")).body();
        assertThat(body.at("/arrears").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(texts(body.at("/triggered"))).containsExactly("PAYMENT_RECEIVED");
        assertThat(accounts.status(customerNo).overdueSince()).hasToString("2026-10-15");
        assertThat(probe.of(customerNo)).singleElement()
                .satisfies(heard -> assertThat(heard.event().clearedArrears()).isFalse());
    }

    @Test
    void theSamePaymentAgainAnswersTheFirstResultAndBooksNothing() {
        String customerNo = registerCustomer("10.00", "0.00", null);
        ObjectNode payment = payment("DUP-" + customerNo, customerNo, "100.00");
        JsonNode first = post("/api/payments", payment).body();

        // the same payment written differently: trailing zero dropped, another offset, same instant
        payment.put("amount", "100");
        payment.put("paidAt", "2026-11-01T01:30:00Z");
        Answer again = post("/api/payments", payment);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().at("/replay").asBoolean()).isTrue();
        assertThat(again.body().at("/balance").decimalValue()).isEqualByComparingTo("110.00");
        assertThat(again.body().at("/bookedAt").asText()).isEqualTo(first.at("/bookedAt").asText());
        assertThat(accounts.status(customerNo).balance()).isEqualByComparingTo("110.00");
        assertThat(probe.of(customerNo)).as("a replay publishes nothing").hasSize(1);
        JsonNode read = get("/api/payments/DUP-" + customerNo).body();
        assertThat(read.at("/amount").decimalValue()).isEqualByComparingTo("100");
        assertThat(read.at("/replay").asBoolean()).isFalse();
    }

    @ParameterizedTest(name = "{0} changed to {1}")
    @CsvSource({"amount, 100.01", "paidAt, 2026-11-01T09:31:00+08:00", "channel, ALIPAY"})
    void theSameIdWithAnotherBodyIsAConflict(String field, String value) {
        String customerNo = registerCustomer("0.00", "0.00", null);
        ObjectNode payment = payment("CONFLICT-" + field + "-" + customerNo, customerNo, "100.00");
        assertThat(post("/api/payments", payment).status()).isEqualTo(201);
        payment.put(field, value);

        Answer answer = post("/api/payments", payment);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().at("/field").asText()).isEqualTo("paymentId");
        assertThat(accounts.status(customerNo).balance()).isEqualByComparingTo("100.00");
    }

    @Test
    void theSameIdForAnotherCustomerIsAConflict() {
        String first = registerCustomer("0.00", "0.00", null);
        String second = registerCustomer("0.00", "0.00", null);
        post("/api/payments", payment("SHARED-" + first, first, "5.00"));
        assertThat(post("/api/payments", payment("SHARED-" + first, second, "5.00")).status()).isEqualTo(409);
        assertThat(accounts.status(second).balance()).isEqualByComparingTo("0");
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "paymentId  | NULL                      | NotNull",
            "paymentId  | ''                        | Pattern",
            "paymentId  | 'has space'               | Pattern",
            "paymentId  | 'x12345678901234567890123456789012345678901234567890123456789012345' | Pattern",
            "customerNo | NULL                      | NotNull",
            "customerNo | 12345                     | Pattern",
            "amount     | NULL                      | NotNull",
            "amount     | 0                         | DecimalMin",
            "amount     | -5.00                     | DecimalMin",
            "amount     | 10.001                    | Digits",
            "amount     | 'ten'                     | Format",
            "paidAt     | NULL                      | NotNull",
            "paidAt     | 2099-01-01T00:00:00+08:00 | PastOrPresent",
            "paidAt     | '2026-11-01 09:30'        | Format",
            "channel    | NULL                      | NotNull",
            "channel    | CASH_IN_ENVELOPE          | Enum"})
    void everyBrokenRuleIsA400NamingFieldAndRule(String field, String value, String rule) {
        String customerNo = registerCustomer("0.00", "0.00", null);
        ObjectNode payment = payment("BAD-" + field + "-" + rule + "-" + customerNo, customerNo, "10.00");
        if (value == null) {
            payment.remove(field);
        } else {
            payment.put(field, value);
        }

        Answer answer = post("/api/payments", payment);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(answer.body().at("/errors/0/rule").asText()).isEqualTo(rule);
        assertThat(accounts.status(customerNo).balance()).isEqualByComparingTo("0");
    }

    @Test
    void unknownFieldsAndBrokenJsonAre400() {
        ObjectNode payment = payment("X-1", nextCustomerNo(), "1.00");
        payment.put("discount", "1.00");
        Answer unknown = post("/api/payments", payment);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().at("/errors/0/rule").asText()).isEqualTo("Unknown");
        assertThat(post("/api/payments", "{\"paymentId\": ").status()).isEqualTo(400);
    }

    @Test
    void anUnknownCustomerIs404() {
        Answer answer = post("/api/payments", payment("NOBODY-1", "3999999999", "10.00"));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().at("/detail").asText()).contains("3999999999");
        assertThat(get("/api/payments/NOBODY-1").status()).isEqualTo(404);
    }

    @Test
    void hundredConcurrentPaymentsForOneCustomerLeaveTheExactBalance() throws Exception {
        String customerNo = registerCustomer("0.00", "500.00", "2026-10-01");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                // 100 distinct payments of 12.34, each also sent twice at once (a channel retrying)
                ObjectNode p = payment("CC-" + customerNo + "-" + i, customerNo, "12.34");
                calls.add(() -> post("/api/payments", p).status());
                calls.add(() -> post("/api/payments", p).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(100);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(100);
        } finally {
            pool.shutdown();
        }
        AccountStatus status = accounts.status(customerNo);
        BigDecimal paid = new BigDecimal("12.34").multiply(BigDecimal.valueOf(100));
        assertThat(status.arrears()).isEqualByComparingTo("0");
        assertThat(status.balance()).isEqualByComparingTo(paid.subtract(new BigDecimal("500.00")));
        assertThat(probe.of(customerNo)).hasSize(100);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
