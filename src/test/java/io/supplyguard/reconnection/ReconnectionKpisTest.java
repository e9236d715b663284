package io.supplyguard.reconnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** GET /api/kpis against a constructed history in March 2025 (business days, Asia/Shanghai). */
@AutoConfigureMockMvc
class ReconnectionKpisTest extends ReconnectionTestSupport {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    static OffsetDateTime t(String s) {
        return OffsetDateTime.parse(s);
    }

    void payment(String id, String paidAt, String arrearsAfter) {
        jdbc.sql("""
                INSERT INTO reconnection_payment (payment_id, customer_no, amount, paid_at, arrears_after, decision, received_at)
                VALUES (?, '3800000001', 100.00, ?, ?, 'TEST', ?)""")
                .params(id, t(paidAt), new java.math.BigDecimal(arrearsAfter), t(paidAt)).update();
    }

    int n;

    void reconnection(String kind, String paidAt, String deadline, String restoredAt, Long seconds, String remoteOutcome, String endedAt) {
        n++;
        jdbc.sql("""
                INSERT INTO reconnection (kind, trigger_source, process_instance_id, customer_no, paid_at, started_at,
                    deadline_at, remote_outcome, restored_at, restored_by, seconds_to_restore, ended_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(kind, kind.equals("EMERGENCY") ? "EMERGENCY" : "PAYMENT", "kpi-" + kind + "-" + n + "-" + System.nanoTime(),
                        "38000000" + String.format("%02d", n), t(paidAt), t(paidAt), deadline == null ? null : t(deadline),
                        remoteOutcome, restoredAt == null ? null : t(restoredAt), restoredAt == null ? null : "REMOTE", seconds,
                        endedAt == null ? null : t(endedAt))
                .update();
    }

    void fieldOrder(String openedAt, String closedAt, String result) {
        jdbc.sql("""
                INSERT INTO reconnection_field_order (task_id, process_instance_id, customer_no, reason, opened_at, closed_at, result)
                VALUES (?, 'kpi', '3800000001', '远程合闸失败', ?, ?, ?)""")
                .params("kpi-task-" + System.nanoTime(), t(openedAt), closedAt == null ? null : t(closedAt), result).update();
    }

    void trip(String at, boolean protectedCustomer) {
        jdbc.sql("""
                INSERT INTO reconnection_trip (customer_no, meter_no, process_instance_id, tripped_at, protected_customer, decision)
                VALUES ('3800000001', '000000000001', 'kpi', ?, ?, 'ARREARS_REMAIN')""")
                .params(t(at), protectedCustomer).update();
    }

    @BeforeEach
    void history() {
        if (jdbc.sql("SELECT COUNT(*) FROM reconnection_payment WHERE payment_id = 'kpi-1'").query(Long.class).single() > 0) {
            return;
        }
        payment("kpi-0", "2025-02-28T23:30:00+08:00", "0.00"); // the day before: outside
        payment("kpi-1", "2025-03-01T00:10:00+08:00", "0.00");
        payment("kpi-2", "2025-03-10T09:00:00+08:00", "20.00");
        payment("kpi-3", "2025-03-20T10:00:00+08:00", "0.00");
        payment("kpi-4", "2025-03-31T23:30:00+08:00", "0.00"); // last day, late: inside

        // restored in March: 60, 120, 300, 600, 3600 s; the last one after its 22:00 deadline
        reconnection("PAYMENT", "2025-03-01T00:10:00+08:00", "2025-03-01T22:00:00+08:00", "2025-03-01T00:11:00+08:00", 60L, "CONFIRMED", "2025-03-01T00:12:00+08:00");
        reconnection("PAYMENT", "2025-03-05T10:00:00+08:00", "2025-03-05T22:00:00+08:00", "2025-03-05T10:02:00+08:00", 120L, "ALREADY_CLOSED", "2025-03-05T10:03:00+08:00");
        reconnection("PAYMENT", "2025-03-06T10:00:00+08:00", "2025-03-06T22:00:00+08:00", "2025-03-06T10:05:00+08:00", 300L, "CONFIRMED", "2025-03-06T10:06:00+08:00");
        reconnection("PAYMENT", "2025-03-07T10:00:00+08:00", "2025-03-07T22:00:00+08:00", "2025-03-07T10:10:00+08:00", 600L, "NOT_CONFIRMED", "2025-03-07T10:11:00+08:00");
        reconnection("PAYMENT", "2025-03-08T21:30:00+08:00", "2025-03-08T22:00:00+08:00", "2025-03-08T22:30:00+08:00", 3600L, "NO_RESPONSE", "2025-03-08T22:31:00+08:00");
        // still not restored, deadline passed long ago: a breach too
        reconnection("PAYMENT", "2025-03-09T10:00:00+08:00", "2025-03-09T22:00:00+08:00", null, null, "REJECTED", null);
        // restored in February: outside
        reconnection("PAYMENT", "2025-02-27T10:00:00+08:00", "2025-02-27T22:00:00+08:00", "2025-02-27T10:01:00+08:00", 60L, "CONFIRMED", "2025-02-27T10:02:00+08:00");
        reconnection("EMERGENCY", "2025-03-15T03:00:00+08:00", null, "2025-03-15T03:01:00+08:00", 60L, "CONFIRMED", null);

        fieldOrder("2025-03-07T10:10:00+08:00", "2025-03-07T12:00:00+08:00", "RESTORED");
        fieldOrder("2025-03-09T10:01:00+08:00", null, null);
        fieldOrder("2025-03-09T11:00:00+08:00", "2025-03-09T12:00:00+08:00", "CANCELLED");

        trip("2025-03-03T10:00:00+08:00", false);
        trip("2025-03-04T10:00:00+08:00", true);
    }

    JsonNode kpis(String from, String to) throws Exception {
        return json.readTree(mvc.perform(get("/api/kpis").param("from", from).param("to", to)).andReturn().getResponse().getContentAsString());
    }

    @Test
    void figuresOfAPeriodMatchTheConstructedHistory() throws Exception {
        JsonNode k = kpis("2025-03-01", "2025-03-31");

        assertThat(k.at("/payments").asLong()).isEqualTo(4);
        assertThat(k.at("/paymentsClearingArrears").asLong()).isEqualTo(3);
        assertThat(k.at("/reconnections").asLong()).isEqualTo(5);
        assertThat(k.at("/emergencyReconnections").asLong()).isEqualTo(1);
        assertThat(k.at("/medianSecondsToRestore").asLong()).isEqualTo(300);
        assertThat(k.at("/p95SecondsToRestore").asLong()).isEqualTo(3600);
        assertThat(k.at("/overnightBreaches").asLong()).isEqualTo(2);
        assertThat(k.at("/remoteCommandFailures").asLong()).isEqualTo(3);
        assertThat(k.at("/remoteCommands").asLong()).as("every reconnection with a remote outcome, February's outside").isEqualTo(7);
        assertThat(k.at("/remoteCommandFailureRate").asDouble()).isEqualTo(3.0 / 7);
        assertThat(k.at("/fieldOrdersOpened").asLong()).isEqualTo(3);
        assertThat(k.at("/fieldOrdersClosed").asLong()).isEqualTo(1);
        assertThat(k.at("/protectedCustomersCut").asLong()).as("must be 0 in real life; the constructed history has one").isEqualTo(1);
    }

    @Test
    void eachDayOfThePeriodIsTheSameComputationForThatDay() throws Exception {
        JsonNode k = kpis("2025-03-01", "2025-03-31");
        assertThat(k.at("/days")).hasSize(31);
        JsonNode eighth = k.at("/days/7");
        assertThat(eighth.at("/from").asText()).startsWith("2025-03-08T00:00");
        JsonNode alone = kpis("2025-03-08", "2025-03-08");
        ((com.fasterxml.jackson.databind.node.ObjectNode) alone).remove("days");
        assertThat(eighth).isEqualTo(alone);
        long restored = 0;
        for (JsonNode day : k.at("/days")) {
            restored += day.at("/reconnections").asLong();
        }
        assertThat(restored).isEqualTo(k.at("/reconnections").asLong());
    }

    @Test
    void disconnectionsAreCountedByTheirRecordedOutcome() throws Exception {
        for (String outcome : new String[] {"DISCONNECTED", "DISCONNECTED", "PAID"}) {
            jdbc.sql("INSERT INTO disconnection_outcome (process_instance_id, customer_no, outcome, recorded_at) VALUES (?, ?, ?, ?)")
                    .params("kpi-outcome-" + System.nanoTime(), "3800000001", outcome, t("2023-05-10T10:00:00+08:00")).update();
        }
        JsonNode k = kpis("2023-05-10", "2023-05-10");
        assertThat(k.at("/disconnectionsByOutcome/DISCONNECTED").asLong()).isEqualTo(2);
        assertThat(k.at("/disconnectionsByOutcome/PAID").asLong()).isEqualTo(1);
        assertThat(kpis("2023-05-11", "2023-05-11").at("/disconnectionsByOutcome").isEmpty()).isTrue();
    }

    @Test
    void aSingleDayAndAnEmptyPeriod() throws Exception {
        JsonNode day = kpis("2025-03-08", "2025-03-08");
        assertThat(day.at("/reconnections").asLong()).isEqualTo(1);
        assertThat(day.at("/overnightBreaches").asLong()).isEqualTo(1);
        assertThat(day.at("/medianSecondsToRestore").asLong()).isEqualTo(3600);

        JsonNode none = kpis("2024-01-01", "2024-01-31");
        assertThat(none.at("/payments").asLong()).isZero();
        assertThat(none.has("medianSecondsToRestore")).as("no restorations: no median").isFalse();
        assertThat(none.at("/protectedCustomersCut").asLong()).isZero();
    }

    @Test
    void aReversedOrMissingPeriodIsA400Problem() throws Exception {
        var reversed = mvc.perform(get("/api/kpis").param("from", "2025-03-31").param("to", "2025-03-01")).andReturn().getResponse();
        assertThat(reversed.getStatus()).isEqualTo(400);
        assertThat(json.readTree(reversed.getContentAsString()).at("/errors/0/field").asText()).isEqualTo("from");

        assertThat(mvc.perform(get("/api/kpis").param("from", "2025-03-01")).andReturn().getResponse().getStatus()).isEqualTo(400);
        var tooLong = mvc.perform(get("/api/kpis").param("from", "2024-01-01").param("to", "2025-01-01")).andReturn().getResponse();
        assertThat(tooLong.getStatus()).isEqualTo(400);
        assertThat(json.readTree(tooLong.getContentAsString()).at("/errors/0/field").asText()).isEqualTo("to");
        assertThat(mvc.perform(get("/api/kpis").param("from", "March").param("to", "2025-03-31")).andReturn().getResponse().getStatus())
                .isEqualTo(400);
    }

    @Test
    void percentilesUseTheNearestRank() {
        assertThat(ReconnectionKpis.percentile(java.util.List.of(10L), 95)).isEqualTo(10L);
        assertThat(ReconnectionKpis.percentile(java.util.List.of(1L, 2L, 3L, 4L), 50)).isEqualTo(2L);
        assertThat(ReconnectionKpis.percentile(java.util.List.of(), 50)).isNull();
    }
}
