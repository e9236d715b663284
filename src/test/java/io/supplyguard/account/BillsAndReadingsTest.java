package io.supplyguard.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplyguard.testing.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Postpaid bills and prepaid readings over HTTP, and the low-balance warning sent only on crossing. */
class BillsAndReadingsTest extends ApiTestSupport {

    @Autowired Accounts accounts;

    ObjectNode bill(String billId, String customerNo, String amount, String dueDate) {
        ObjectNode b = json.createObjectNode();
        b.put("billId", billId);
        b.put("customerNo", customerNo);
        b.put("amount", amount);
        b.put("dueDate", dueDate);
        return b;
    }

    ObjectNode reading(String customerNo, String readAt, String kWh) {
        ObjectNode r = json.createObjectNode();
        r.put("meterAddress", "00" + customerNo);
        r.put("readAt", readAt);
        r.put("kWh", kWh);
        return r;
    }

    String prepaidCustomer(String balance) {
        ObjectNode c = customer(nextCustomerNo(), balance, "0.00", null);
        c.put("billingMode", "PREPAID");
        return register(c);
    }

    JsonNode read(String customerNo, String day, String kWh) {
        Answer answer = post("/api/readings", reading(customerNo, "2026-11-" + day + "T00:15:00+08:00", kWh));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.body();
    }

    long warningsSent(String customerNo) {
        afterCommit.awaitQuiet(); // the warning is sent after the reading's answer
        JsonNode history = get("/api/customers/" + customerNo + "/sms").body();
        int n = 0;
        for (JsonNode sms : history) {
            n += "BALANCE_WARNING".equals(sms.get("template").asText()) ? 1 : 0;
        }
        return n;
    }

    @Test
    void aBillUsesCreditFirstAndTheRestIsOverdueFromItsDueDate() {
        String customerNo = registerCustomer("30.00", "0.00", null);

        Answer answer = post("/api/bills", bill("B-" + customerNo, customerNo, "100.00", "2026-11-20"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().get("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(answer.body().get("arrears").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(accounts.status(customerNo).overdueSince()).hasToString("2026-11-20");

        // an older bill imported late moves the overdue date back; a newer one does not move it
        post("/api/bills", bill("B2-" + customerNo, customerNo, "10.00", "2026-11-05"));
        post("/api/bills", bill("B3-" + customerNo, customerNo, "10.00", "2026-11-25"));
        AccountStatus status = accounts.status(customerNo);
        assertThat(status.arrears()).isEqualByComparingTo("90.00");
        assertThat(status.overdueSince()).hasToString("2026-11-05");
    }

    @Test
    void theSameBillAgainIsAReplayAndAnotherBodyIsAConflict() {
        String customerNo = registerCustomer("0.00", "0.00", null);
        ObjectNode bill = bill("BR-" + customerNo, customerNo, "55.50", "2026-11-20");
        assertThat(post("/api/bills", bill).status()).isEqualTo(201);

        Answer again = post("/api/bills", bill);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("replay").asBoolean()).isTrue();
        assertThat(accounts.status(customerNo).arrears()).isEqualByComparingTo("55.50");

        bill.put("dueDate", "2026-11-21");
        Answer conflict = post("/api/bills", bill);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body().get("field").asText()).isEqualTo("billId");
    }

    @Test
    void billsAreForPostpaidAndKnownCustomersOnly() {
        String prepaid = prepaidCustomer("10.00");
        Answer answer = post("/api/bills", bill("BP-" + prepaid, prepaid, "5.00", "2026-11-20"));
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().get("detail").asText()).contains("PREPAID");
        assertThat(post("/api/bills", bill("BX-1", "3999999997", "5.00", "2026-11-20")).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "billId     | NULL       | NotNull",
            "billId     | 'a b'      | Pattern",
            "customerNo | 1          | Pattern",
            "amount     | 0.00       | DecimalMin",
            "amount     | 1.234      | Digits",
            "dueDate    | NULL       | NotNull",
            "dueDate    | 2026-13-01 | Format"})
    void brokenBillsAre400(String field, String value, String rule) {
        ObjectNode bill = bill("BV-" + field + rule, "3200000001", "5.00", "2026-11-20");
        if (value == null) {
            bill.remove(field);
        } else {
            bill.put(field, value);
        }
        Answer answer = post("/api/bills", bill);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(answer.body().at("/errors/0/rule").asText()).isEqualTo(rule);
    }

    @Test
    void readingsChargeConsumptionAndWarnOnlyWhenTheBalanceCrossesBelowTheThreshold() {
        String customerNo = prepaidCustomer("100.00");

        JsonNode baseline = read(customerNo, "01", "1000.00");
        assertThat(baseline.get("cost").decimalValue()).isEqualByComparingTo("0");
        assertThat(baseline.get("kWh").decimalValue()).isEqualByComparingTo("1000");
        assertThat(baseline.has("kwh")).isFalse();
        assertThat(baseline.get("balance").decimalValue()).isEqualByComparingTo("100.00");

        JsonNode second = read(customerNo, "02", "1050.00"); // 50 kWh x 0.5483 = 27.415
        assertThat(second.get("consumedKwh").decimalValue()).isEqualByComparingTo("50");
        assertThat(second.get("cost").decimalValue()).isEqualByComparingTo("27.42");
        assertThat(second.get("balance").decimalValue()).isEqualByComparingTo("72.58");
        assertThat(second.get("lowBalanceWarning").asBoolean()).isFalse();

        JsonNode crossing = read(customerNo, "03", "1100.00");
        assertThat(crossing.get("balance").decimalValue()).isEqualByComparingTo("45.16");
        assertThat(crossing.get("lowBalanceWarning").asBoolean()).isTrue();
        assertThat(warningsSent(customerNo)).isEqualTo(1);
        assertThat(get("/api/customers/" + customerNo + "/sms").body().get(0).get("text").asText())
                .contains("45.16元").contains("50.00元");

        JsonNode stillLow = read(customerNo, "04", "1110.00");
        assertThat(stillLow.get("balance").decimalValue()).isEqualByComparingTo("39.68");
        assertThat(stillLow.get("lowBalanceWarning").asBoolean()).isFalse();
        assertThat(warningsSent(customerNo)).as("not on every reading below").isEqualTo(1);

        JsonNode paid = post("/api/payments", payment("TOPUP-" + customerNo, customerNo, "100.00")).body();
        assertThat(paid.get("triggered").toString()).contains("LOW_BALANCE_WARNING_REARMED");

        JsonNode again = read(customerNo, "05", "1300.00"); // 190 kWh = 104.18
        assertThat(again.get("balance").decimalValue()).isEqualByComparingTo("35.50");
        assertThat(again.get("lowBalanceWarning").asBoolean()).isTrue();
        assertThat(warningsSent(customerNo)).as("crossed again after the top-up").isEqualTo(2);
    }

    @Test
    void consumptionBeyondTheCreditBecomesArrearsOverdueFromTheReadingDay() {
        String customerNo = prepaidCustomer("10.00");
        read(customerNo, "01", "500.00");
        JsonNode over = read(customerNo, "02", "600.00"); // 54.83
        assertThat(over.get("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(over.get("arrears").decimalValue()).isEqualByComparingTo("44.83");
        assertThat(accounts.status(customerNo).overdueSince()).hasToString("2026-11-02");
    }

    @Test
    void aRepeatedReadingIsAReplayAndRewindsAreRefused() {
        String customerNo = prepaidCustomer("100.00");
        read(customerNo, "01", "100.00");
        read(customerNo, "03", "120.00");

        Answer replay = post("/api/readings", reading(customerNo, "2026-11-02T16:15:00Z", "120.00"));
        assertThat(replay.status()).as("same instant written in UTC").isEqualTo(200);
        assertThat(replay.body().get("replay").asBoolean()).isTrue();
        assertThat(accounts.status(customerNo).balance()).isEqualByComparingTo("89.03");

        assertThat(post("/api/readings", reading(customerNo, "2026-11-03T00:15:00+08:00", "121.00")).body()
                .get("field").asText()).isEqualTo("readAt");
        assertThat(post("/api/readings", reading(customerNo, "2026-11-02T00:15:00+08:00", "110.00")).status())
                .as("older than the last reading").isEqualTo(409);
        Answer below = post("/api/readings", reading(customerNo, "2026-11-04T00:15:00+08:00", "119.00"));
        assertThat(below.status()).isEqualTo(409);
        assertThat(below.body().get("field").asText()).isEqualTo("kWh");
    }

    @Test
    void readingsNeedAKnownPrepaidMeterAndValidValues() {
        assertThat(post("/api/readings", reading("9999999999", "2026-11-01T00:00:00+08:00", "1.00")).status())
                .isEqualTo(404);
        String postpaid = registerCustomer("0.00", "0.00", null);
        assertThat(post("/api/readings", reading(postpaid, "2026-11-01T00:00:00+08:00", "1.00")).status())
                .isEqualTo(409);

        String prepaid = prepaidCustomer("10.00");
        Answer future = post("/api/readings", reading(prepaid, "2099-01-01T00:00:00+08:00", "1.00"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().at("/errors/0/field").asText()).isEqualTo("readAt");
        assertThat(future.body().at("/errors/0/rule").asText()).isEqualTo("PastOrPresent");
        Answer negative = post("/api/readings", reading(prepaid, "2026-11-01T00:00:00+08:00", "-1"));
        assertThat(negative.body().at("/errors/0/field").asText()).isEqualTo("kWh");
        ObjectNode badAddress = reading(prepaid, "2026-11-01T00:00:00+08:00", "1");
        badAddress.put("meterAddress", "12AB");
        assertThat(post("/api/readings", badAddress).body().at("/errors/0/field").asText()).isEqualTo("meterAddress");
    }
}
