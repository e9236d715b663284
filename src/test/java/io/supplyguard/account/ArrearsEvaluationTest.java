package io.supplyguard.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import io.supplyguard.testing.ApiTestSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Arrears evaluation: overdue vs grace, ineligible with reasons, already running, with and without a starter. */
class ArrearsEvaluationTest extends ApiTestSupport {

    @Autowired EvaluationRows rows;
    @Autowired FeeControlProperties properties;
    @Autowired TransactionTemplate transaction;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtime;

    /** Grace period 10 days: overdue since 11 days ago is beyond it, 10 days ago is not yet. */
    String beyondGrace() {
        return LocalDate.now(clock).minusDays(11).toString();
    }

    String atGraceLimit() {
        return LocalDate.now(clock).minusDays(10).toString();
    }

    @Test
    void overHttpTheEligibleAreHandedToTheDisconnectionProcessAndTheRestCountedWithReasons() {
        String eligible = registerCustomer("0.00", "88.00", beyondGrace());
        String withinGrace = registerCustomer("0.00", "88.00", atGraceLimit());
        String paidUp = registerCustomer("20.00", "0.00", null);
        ObjectNode unsigned = customer(nextCustomerNo(), "0.00", "60.00", beyondGrace());
        unsigned.remove("agreementSignedOn");
        String noAgreement = register(unsigned);
        ObjectNode meterless = customer(nextCustomerNo(), "0.00", "60.00", beyondGrace());
        meterless.remove("meter");
        String noMeter = register(meterless);

        Answer answer = post("/api/fee-control/evaluations", "{}");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode report = answer.body();
        assertThat(report.at("/disconnectionProcessInstalled").asBoolean()).isTrue();
        assertThat(report.at("/started").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.at("/examined").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(report.at("/overdue").asLong()).isEqualTo(report.at("/eligible").asLong()
                + report.at("/alreadyRunning").asLong() + report.at("/ineligible").asLong());
        assertThat(report.at("/ineligibleReasons/NO_AGREEMENT").asLong()).isGreaterThanOrEqualTo(1);

        Map<String, String> outcomes = outcomes(report.at("/evaluationId").asLong());
        assertThat(outcomes).containsEntry(eligible, "STARTED")
                .containsEntry(noAgreement, "INELIGIBLE:NO_AGREEMENT")
                .containsEntry(noMeter, "INELIGIBLE:NO_ACTIVE_METER")
                .doesNotContainKeys(withinGrace, paidUp);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("arrears-disconnection")
                .processInstanceBusinessKey(eligible).count()).isEqualTo(1);

        Answer again = post("/api/fee-control/evaluations", "{}");
        assertThat(outcomes(again.body().at("/evaluationId").asLong())).containsEntry(eligible, "ALREADY_RUNNING");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(eligible).count()).isEqualTo(1);
    }

    @Test
    void withoutADisconnectionProcessTheEligibleSetIsRecordedAndNothingStarted() {
        String eligible = registerCustomer("0.00", "88.00", beyondGrace());
        EvaluationReport report = evaluationWith(null).evaluate(EvaluationTrigger.ON_DEMAND);
        assertThat(report.disconnectionProcessInstalled()).isFalse();
        assertThat(report.note()).contains("no disconnection process installed");
        assertThat(report.started()).isZero();
        assertThat(outcomes(report.evaluationId())).containsEntry(eligible, "ELIGIBLE");
    }

    @Test
    void theRecordedCustomersArePagedByOutcome() {
        String first = registerCustomer("0.00", "10.00", beyondGrace());
        String second = registerCustomer("0.00", "10.00", beyondGrace());
        long id = post("/api/fee-control/evaluations", "{}").body().at("/evaluationId").asLong();

        JsonNode page = get("/api/fee-control/evaluations/" + id + "/customers?outcome=STARTED&after=" + first
                + "&limit=1").body();
        assertThat(page).hasSize(1);
        assertThat(page.get(0).get("customerNo").asText()).isEqualTo(second);
        assertThat(page.get(0).get("outcome").asText()).isEqualTo("STARTED");
        assertThat(get("/api/fee-control/evaluations/" + id + "/customers?outcome=INELIGIBLE").body())
                .allMatch(c -> c.get("outcome").asText().equals("INELIGIBLE"));
        assertThat(get("/api/fee-control/evaluations/999999/customers").status()).isEqualTo(404);
        assertThat(get("/api/fee-control/evaluations/" + id + "/customers?limit=0").status()).isEqualTo(400);
        assertThat(get("/api/fee-control/evaluations/" + id + "/customers?outcome=MAYBE").status()).isEqualTo(400);
    }

    @Test
    void withAStarterEachEligibleCustomerIsStartedOnceAndRunningOnesAreCounted() {
        String toStart = registerCustomer("0.00", "300.00", beyondGrace());
        String running = registerCustomer("0.00", "300.00", beyondGrace());
        String raceLost = registerCustomer("0.00", "300.00", beyondGrace());
        String broken = registerCustomer("0.00", "300.00", beyondGrace());
        FakeStarter starter = new FakeStarter(Set.of(running), Set.of(raceLost), Set.of(broken));

        EvaluationReport report = evaluationWith(starter).evaluate(EvaluationTrigger.ON_DEMAND);

        assertThat(report.disconnectionProcessInstalled()).isTrue();
        assertThat(report.note()).isNull();
        Map<String, String> outcomes = outcomes(report.evaluationId());
        assertThat(outcomes).containsEntry(toStart, "STARTED")
                .containsEntry(running, "ALREADY_RUNNING")
                .containsEntry(raceLost, "ALREADY_RUNNING")
                .containsEntry(broken, "START_FAILED");
        assertThat(starter.started).contains(toStart).doesNotContain(running);
        assertThat(starter.started).as("one start per customer").doesNotHaveDuplicates();
        assertThat(starter.triggers).allMatch(t -> t.equals("arrears-evaluation:" + report.evaluationId()));
        assertThat(report.started()).isEqualTo(outcomes.values().stream().filter("STARTED"::equals).count());
        assertThat(report.alreadyRunning()).isGreaterThanOrEqualTo(2);
        assertThat(report.startFailed()).isGreaterThanOrEqualTo(1);

        // the next evaluation: the started customer now counts as running, not started again
        FakeStarter next = new FakeStarter(Set.copyOf(starter.started), Set.of(), Set.of());
        EvaluationReport second = evaluationWith(next).evaluate(EvaluationTrigger.ON_DEMAND);
        assertThat(outcomes(second.evaluationId())).containsEntry(toStart, "ALREADY_RUNNING");
        assertThat(next.started).doesNotContain(toStart).contains(broken);
    }

    @Test
    void aPaymentBeforeTheEvaluationTakesTheCustomerOut() {
        String customerNo = registerCustomer("0.00", "40.00", beyondGrace());
        post("/api/payments", payment("EVAL-PAY-" + customerNo, customerNo, "40.00"));
        EvaluationReport report = evaluationWith(null).evaluate(EvaluationTrigger.ON_DEMAND);
        assertThat(outcomes(report.evaluationId())).doesNotContainKey(customerNo);
    }

    @Test
    void aScheduledSlotRunsOnceEvenWhenTwoNodesFireIt() {
        ClockUtil.setCurrentTime(new java.util.Date());
        try {
            ArrearsEvaluation evaluation = evaluationWith(null);
            evaluation.onSchedule();
            evaluation.onSchedule(); // the second node, same minute
            String slot = "SCHEDULE:" + java.time.LocalDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM fee_control_evaluation WHERE scheduled_slot = ?").param(slot)
                    .query(Integer.class).single()).isEqualTo(1);
        } finally {
            ClockUtil.reset();
        }
    }

    private ArrearsEvaluation evaluationWith(DisconnectionStarter starter) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(
                starter == null ? Map.of() : Map.of("starter", starter));
        return new ArrearsEvaluation(rows, beans.getBeanProvider(DisconnectionStarter.class), properties,
                transaction, clock);
    }

    private Map<String, String> outcomes(long evaluationId) {
        Map<String, String> outcomes = new HashMap<>();
        jdbc.sql("SELECT customer_no, outcome, reason FROM fee_control_candidate WHERE evaluation_id = ?")
                .param(evaluationId)
                .query((rs, i) -> outcomes.put(rs.getString(1),
                        rs.getString(2) + (rs.getString(3) == null ? "" : ":" + rs.getString(3))))
                .list();
        return outcomes;
    }

    /** Answers "running" with a set query, as the disconnection module's starter will. */
    static class FakeStarter implements DisconnectionStarter {
        final Set<String> running;
        final Set<String> startedMeanwhile;
        final Set<String> failing;
        final List<String> started = new CopyOnWriteArrayList<>();
        final List<String> triggers = new CopyOnWriteArrayList<>();

        FakeStarter(Set<String> running, Set<String> startedMeanwhile, Set<String> failing) {
            this.running = running;
            this.startedMeanwhile = startedMeanwhile;
            this.failing = failing;
        }

        @Override
        public boolean startFor(String customerNo, String trigger) {
            if (failing.contains(customerNo)) {
                throw new IllegalStateException("engine unavailable");
            }
            if (startedMeanwhile.contains(customerNo)) {
                return false;
            }
            started.add(customerNo);
            triggers.add(trigger);
            return true;
        }

        @Override
        public boolean isRunningFor(String customerNo) {
            throw new AssertionError("the evaluation asks with runningAmong, per page");
        }

        @Override
        public Set<String> runningAmong(Collection<String> customerNos) {
            return customerNos.stream().filter(running::contains).collect(Collectors.toSet());
        }
    }
}
