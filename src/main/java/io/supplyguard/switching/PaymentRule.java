package io.supplyguard.switching;

import io.supplyguard.account.AccountStatus;
import io.supplyguard.account.Accounts;
import io.supplyguard.account.PaymentsSince;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Whether the payments since a disconnection started stop or postpone its cut: decision
 * {@code payment-stops-cut} (in {@code disconnection-policy.dmn}, where designers set a threshold or
 * a postponement), evaluated on the ledger — the arrears now and the payments booked since the
 * case was opened — never on the instance's variables.
 */
@Component
class PaymentRule {

    static final String DECISION_KEY = "payment-stops-cut";

    private final Accounts accounts;
    private final DecisionService decisions;
    private final DisconnectionProperties properties;

    PaymentRule(Accounts accounts, DecisionService decisions, DisconnectionProperties properties) {
        this.accounts = accounts;
        this.decisions = decisions;
        this.properties = properties;
    }

    /**
     * @param postponedUntil the cut may not go out before this (last payment + the table's days); null when not postponed
     */
    record Verdict(boolean stopsCut, OffsetDateTime postponedUntil, String rule, PaymentsSince payments) {

        String describe() {
            return payments.count() + " payment(s) of " + payments.total() + " since the disconnection started, rule "
                    + rule + " of " + DECISION_KEY;
        }
    }

    Verdict evaluate(String customerNo, AccountStatus account, OffsetDateTime caseStartedAt) {
        PaymentsSince paid = accounts.paymentsSince(customerNo, caseStartedAt);
        BigDecimal owedBefore = account.arrears().add(paid.total());
        double share = owedBefore.signum() == 0 ? 0
                : paid.total().multiply(BigDecimal.valueOf(100)).divide(owedBefore, 2, RoundingMode.DOWN).doubleValue();
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION_KEY)
                .variables(Map.of("arrears", account.arrears().doubleValue(), "paidSinceStart", paid.total().doubleValue(),
                        "paidShare", share))
                .evaluate().getSingleResult();
        boolean stops = Boolean.TRUE.equals(result.get("stopsCut"));
        Object days = result.get("postponeDays");
        OffsetDateTime until = !stops && paid.count() > 0 && days instanceof Number n && n.intValue() > 0
                ? paid.lastBookedAt().plus(properties.noticeDay().multipliedBy(n.intValue())) : null;
        return new Verdict(stops, until, String.valueOf(result.get("paymentRule")), paid);
    }
}
