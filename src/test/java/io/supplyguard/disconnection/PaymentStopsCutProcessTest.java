package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionFixture.TUESDAY_10_00;
import static io.supplyguard.disconnection.DisconnectionFixture.now;
import static io.supplyguard.disconnection.DisconnectionFixture.setClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.supplyguard.account.BenchmarkPayments;
import io.supplyguard.disconnection.DisconnectionFixture.TestCustomer;
import io.supplyguard.meter.MeterSimulation;
import io.supplyguard.release.ModelReleaseSteps;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 14 item 2: which payments since the disconnection started stop its cut is decision
 * {@code payment-stops-cut} of {@code disconnection-policy.dmn}, evaluated by the switching kernel
 * on the ledger (payments booked since the case was opened, arrears now). By default only clearing
 * the arrears stops it; a designer can deploy a threshold or a postponement. Payments are booked
 * through the accounting module as {@code POST /api/payments} books them.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class PaymentStopsCutProcessTest {

    /** The designer's version: half paid stops the cut; any smaller payment postpones it by 10 days. */
    static final String DESIGNER_RULES = """
                  <rule id="Rule_Payment_HalfPaid">
                    <description>已缴一半及以上：停止停电</description>
                    <inputEntry id="Rule_Payment_HalfPaid_Arrears"><text></text></inputEntry>
                    <inputEntry id="Rule_Payment_HalfPaid_PaidSinceStart"><text></text></inputEntry>
                    <inputEntry id="Rule_Payment_HalfPaid_PaidShare"><text>&gt;= 50</text></inputEntry>
                    <outputEntry id="Rule_Payment_HalfPaid_StopsCut"><text>true</text></outputEntry>
                    <outputEntry id="Rule_Payment_HalfPaid_PostponeDays"><text>0</text></outputEntry>
                    <outputEntry id="Rule_Payment_HalfPaid_PaymentRule"><text>"HALF_PAID"</text></outputEntry>
                  </rule>
                  <rule id="Rule_Payment_Postpones">
                    <description>部分缴费：推迟 10 天</description>
                    <inputEntry id="Rule_Payment_Postpones_Arrears"><text>&gt; 0</text></inputEntry>
                    <inputEntry id="Rule_Payment_Postpones_PaidSinceStart"><text>&gt; 0</text></inputEntry>
                    <inputEntry id="Rule_Payment_Postpones_PaidShare"><text></text></inputEntry>
                    <outputEntry id="Rule_Payment_Postpones_StopsCut"><text>false</text></outputEntry>
                    <outputEntry id="Rule_Payment_Postpones_PostponeDays"><text>10</text></outputEntry>
                    <outputEntry id="Rule_Payment_Postpones_PaymentRule"><text>"PARTIAL_POSTPONES"</text></outputEntry>
                  </rule>
            """;

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired DisconnectionFixture fixture;
    @Autowired MeterSimulation meters;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    String designerDeployment;
    String releasedDeployment;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        setClock(TUESDAY_10_00);
    }

    @AfterEach
    void tearDown() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
        if (designerDeployment != null) {
            repository.deleteDeployment(designerDeployment, true); // back to the shipped table for the other tests
        }
        if (releasedDeployment != null) {
            repository.deleteDeployment(releasedDeployment, true);
        }
        ClockUtil.reset();
    }

    @Test
    void byDefaultAPaymentOfOneYuanOf235_50DoesNotStopTheCut() {
        TestCustomer c = fixture.customer();
        ProcessInstance pi = startAndPostNotice(c);
        book(c, "1.00");

        fixture.fireNextTimer(pi.getId());

        assertThat(pi).isEnded().hasPassed("End_Disconnected");
        assertThat(relayOpen(c)).isTrue();
    }

    @Test
    void byDefaultAPaymentThatClearsTheArrearsStopsTheCut() {
        TestCustomer c = fixture.customer();
        ProcessInstance pi = startAndPostNotice(c);
        book(c, "235.50"); // its correlation ends the pending disconnection at once

        assertThat(pi).isEnded().hasPassed("End_Paid");
        assertThat(relayOpen(c)).isFalse();
    }

    @Test
    void aDesignersThresholdStopsTheCutOnceHalfIsPaid() throws Exception {
        deployDesignerRules();
        TestCustomer c = fixture.customer();
        ProcessInstance pi = startAndPostNotice(c);
        book(c, "100.00");
        book(c, "20.00"); // 120.00 of 235.50 since the start: 50.95 %

        fixture.fireNextTimer(pi.getId());

        assertThat(pi).isEnded().hasPassed("End_PaidBeforeCut");
        assertThat(relayOpen(c)).isFalse();
        assertThat(refusals(pi)).containsExactly("PAID_BEFORE_CUT");
    }

    @Test
    void aDesignersPostponementDelaysTheCutByItsDaysAfterThePayment() throws Exception {
        deployDesignerRules();
        TestCustomer c = fixture.customer();
        ProcessInstance pi = startAndPostNotice(c); // notice 4 Dec 10:00, seven lead days: 11 Dec 10:00
        OffsetDateTime paidAt = now();
        book(c, "1.00");

        fixture.fireNextTimer(pi.getId()); // 11 Dec: postponed until 14 Dec 10:00 (payment + 10 days)

        assertThat(relayOpen(c)).isFalse();
        assertThat(refusals(pi)).containsExactly("CUT_POSTPONED");
        assertThat(pi).isWaitingAt("Event_ExecutionWindowOpens");
        assertThat(fixture.fireNextTimer(pi.getId())).isEqualTo(paidAt.plusDays(10));
        assertThat(pi).isEnded().hasPassed("End_Disconnected");
        assertThat(relayOpen(c)).isTrue();
    }

    @Test
    void aPaymentBookedBeforeTheDisconnectionStartedCountsForNothing() throws Exception {
        deployDesignerRules();
        TestCustomer c = fixture.customer();
        book(c, "200.00"); // 35.50 still owed: the disconnection starts on that
        setClock(TUESDAY_10_00.plusMinutes(1));
        ProcessInstance pi = startAndPostNotice(c);

        fixture.fireNextTimer(pi.getId());

        assertThat(pi).isEnded().hasPassed("End_Disconnected");
        assertThat(relayOpen(c)).isTrue();
    }

    private ProcessInstance startAndPostNotice(TestCustomer c) {
        ProcessInstance pi = runtime.createProcessInstanceQuery()
                .processInstanceId(fixture.startedWithNoticePosted(engine, c, "IMG-PAY")).singleResult();
        assertThat(pi).isWaitingAt("Event_ExecutionWindowOpens");
        return pi;
    }

    private void book(TestCustomer c, String amount) {
        new BenchmarkPayments(context).pay("PAY-" + UUID.randomUUID(), c.customerNo(), new BigDecimal(amount), now());
        fixture.awaitEvents();
    }

    /** As a designer deploys it from Camunda Modeler: the shipped file with rules before the defaults. */
    private void deployDesignerRules() throws Exception {
        String shipped = Files.readString(Path.of("processes/disconnection-policy.dmn"));
        String anchor = "      <rule id=\"Rule_Payment_Cleared\">";
        assertThat(shipped).contains(anchor);
        designerDeployment = repository.createDeployment().name("designer: payment threshold and postponement")
                .addString("disconnection-policy.dmn", shipped.replace(anchor, DESIGNER_RULES + anchor)).deploy().getId();
        releasedDeployment = ModelReleaseSteps.approveAsLeader(engine, designerDeployment); // a core model: a leader releases it (issue 15)
    }

    private boolean relayOpen(TestCustomer c) {
        return meters.status(DisconnectionFixture.BUS, c.address()).relayOpen();
    }

    private java.util.List<String> refusals(ProcessInstance pi) {
        return jdbc.sql("SELECT reason_code FROM switching_decision WHERE process_instance_id = ? AND NOT allowed ORDER BY id")
                .param(pi.getId()).query(String.class).list();
    }
}
