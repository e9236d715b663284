package io.supplyguard.disconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The decision table {@code disconnection-policy} as designers edit it, rule by rule. */
class DisconnectionPolicyDecisionTest {

    static DmnEngine dmn;
    static DmnDecision policy;
    static DmnDecision paymentRule;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("processes/disconnection-policy.dmn"))) {
            policy = dmn.parseDecision("disconnection-policy", in);
        }
        try (InputStream in = Files.newInputStream(Path.of("processes/disconnection-policy.dmn"))) {
            paymentRule = dmn.parseDecision("payment-stops-cut", in);
        }
    }

    static Map<String, Object> ordinaryResidential() {
        Map<String, Object> in = new HashMap<>();
        in.put("agreementSigned", true);
        in.put("powerGuarantee", false);
        in.put("arrears", 235.50);
        in.put("daysOverdue", 40);
        in.put("importanceGrade", "NONE");
        in.put("safetySensitive", false);
        in.put("usageClass", "RESIDENTIAL");
        return in;
    }

    static DmnDecisionResultEntries decide(Map<String, Object> in) {
        return dmn.evaluateDecision(policy, in).getSingleResult();
    }

    @Test
    void anOrdinaryResidentialCustomerInArrearsIsCutAfterSevenDaysNoticeWithoutApproval() {
        var result = decide(ordinaryResidential());
        assertThat(result.<Boolean>getEntry("eligible")).isTrue();
        assertThat(result.<Integer>getEntry("noticeLeadDays")).isEqualTo(7);
        assertThat(result.<Boolean>getEntry("approvalRequired")).isFalse();
        assertThat(result.<String>getEntry("path")).isEqualTo("ORDINARY");
    }

    @Test
    void aNonResidentialCustomerGetsThreeDaysNotice() {
        var in = ordinaryResidential();
        in.put("usageClass", "NON_RESIDENTIAL");
        assertThat(decide(in).<Integer>getEntry("noticeLeadDays")).isEqualTo(3);
    }

    @Test
    void withoutAgreementNothingElseMatters() {
        var in = ordinaryResidential();
        in.put("agreementSigned", false);
        in.put("importanceGrade", "SPECIAL");
        var result = decide(in);
        assertThat(result.<Boolean>getEntry("eligible")).isFalse();
        assertThat(result.<String>getEntry("eligibilityReason")).isEqualTo("NO_AGREEMENT");
    }

    @Test
    void powerGuaranteeNoArrearsAndNotOverdueAreNotEligible() {
        var guaranteed = ordinaryResidential();
        guaranteed.put("powerGuarantee", true);
        assertThat(decide(guaranteed).<String>getEntry("eligibilityReason")).isEqualTo("POWER_GUARANTEED");
        var paid = ordinaryResidential();
        paid.put("arrears", 0.0);
        assertThat(decide(paid).<String>getEntry("eligibilityReason")).isEqualTo("NO_ARREARS");
        var fresh = ordinaryResidential();
        fresh.put("daysOverdue", 0);
        assertThat(decide(fresh).<String>getEntry("eligibilityReason")).isEqualTo("NOT_OVERDUE");
    }

    @Test
    void everyImportanceGradeTakesTheImportantPathWithApproval() {
        for (String grade : new String[] {"SPECIAL", "GRADE_1", "GRADE_2", "TEMPORARY"}) {
            var in = ordinaryResidential();
            in.put("importanceGrade", grade);
            in.put("safetySensitive", true);
            var result = decide(in);
            assertThat(result.<String>getEntry("path")).as(grade).isEqualTo("IMPORTANT");
            assertThat(result.<Boolean>getEntry("approvalRequired")).isTrue();
        }
    }

    @Test
    void aSafetySensitiveCustomerNeedsApproval() {
        var in = ordinaryResidential();
        in.put("safetySensitive", true);
        var result = decide(in);
        assertThat(result.<String>getEntry("path")).isEqualTo("SAFETY_SENSITIVE");
        assertThat(result.<Boolean>getEntry("approvalRequired")).isTrue();
        assertThat(result.<Boolean>getEntry("eligible")).isTrue();
    }

    static DmnDecisionResultEntries afterPayments(double arrears, double paidSinceStart) {
        double share = paidSinceStart * 100 / (arrears + paidSinceStart);
        return dmn.evaluateDecision(paymentRule, Map.of("arrears", arrears, "paidSinceStart", paidSinceStart,
                "paidShare", share)).getSingleResult();
    }

    @Test
    void byDefaultAPartialPaymentDoesNotStopTheCut() {
        var result = afterPayments(234.50, 1.00); // 1.00 of 235.50
        assertThat(result.<Boolean>getEntry("stopsCut")).isFalse();
        assertThat(result.<Integer>getEntry("postponeDays")).isZero();
        assertThat(result.<String>getEntry("paymentRule")).isEqualTo("ARREARS_REMAIN");
        assertThat(afterPayments(0.01, 235.49).<Boolean>getEntry("stopsCut")).as("all but a cent").isFalse();
    }

    @Test
    void byDefaultOnlyClearingTheArrearsStopsTheCut() {
        var result = afterPayments(0, 235.50);
        assertThat(result.<Boolean>getEntry("stopsCut")).isTrue();
        assertThat(result.<String>getEntry("paymentRule")).isEqualTo("ARREARS_CLEARED");
    }
}
