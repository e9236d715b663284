package io.supplyguard.switching;

import io.supplyguard.account.AccountStatus;
import io.supplyguard.calendar.ExecutionWindow;
import io.supplyguard.customer.ContactRule;
import io.supplyguard.customer.CustomerView;
import io.supplyguard.customer.ImportanceGrade;
import io.supplyguard.identity.Roles;
import io.supplyguard.switching.SwitchingRecords.Case;
import io.supplyguard.switching.SwitchingRecords.Fact;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Everything that must hold for a trip (issue 14 item 2), from SupplyGuard's own records only:
 * the case, the registry, the locked ledger, the recorded facts, the calendar and the identity
 * service. The first condition that fails is the refusal.
 */
@Component
class TripConditions {

    static final String DECISION_KEY = "disconnection-policy";
    /** A partial payment postponed the cut (decision {@code payment-stops-cut}): the model plans the execution again. */
    static final String CUT_POSTPONED = "CUT_POSTPONED";

    private final SwitchingRecords records;
    private final DecisionService decisions;
    private final IdentityService identity;
    private final ExecutionWindow window;
    private final ContactRule contacts;
    private final EmergencyReconnections emergencies;
    private final DisconnectionProperties properties;
    private final PaymentRule paymentRule;

    TripConditions(SwitchingRecords records, DecisionService decisions, IdentityService identity, ExecutionWindow window,
            ContactRule contacts, EmergencyReconnections emergencies, DisconnectionProperties properties,
            PaymentRule paymentRule) {
        this.paymentRule = paymentRule;
        this.records = records;
        this.decisions = decisions;
        this.identity = identity;
        this.window = window;
        this.contacts = contacts;
        this.emergencies = emergencies;
        this.properties = properties;
    }

    Optional<Refusal> check(Case c, String businessKey, CustomerView customer, AccountStatus account, OffsetDateTime now) {
        if (!c.customerNo().equals(businessKey)) {
            return refuse("BUSINESS_KEY_MISMATCH", "instance business key " + businessKey + " is not its customer " + c.customerNo());
        }
        if (customer.meter() == null || !customer.meter().meterNo().equals(c.meterNo())) {
            return Optional.of(Refusal.forOperator("BINDING_CHANGED", "active meter is "
                    + (customer.meter() == null ? "none" : customer.meter().meterNo()) + ", the disconnection was started for "
                    + c.meterNo()));
        }
        if (!account.owes()) {
            return refuse("PAID_BEFORE_CUT", "no arrears on the ledger");
        }
        PaymentRule.Verdict payments = paymentRule.evaluate(c.customerNo(), account, c.startedAt());
        if (payments.stopsCut()) {
            return refuse("PAID_BEFORE_CUT", payments.describe() + ": the cut is stopped");
        }
        if (payments.postponedUntil() != null && now.isBefore(payments.postponedUntil())) {
            return refuse(CUT_POSTPONED, payments.describe() + ": the cut is postponed until " + payments.postponedUntil());
        }
        Policy policy = policy(customer, account, now.toLocalDate());
        if (!customer.hasFeeControlAgreement()) {
            return refuse("NO_AGREEMENT", "no signed fee-control agreement on record");
        }
        if (customer.meter().powerGuarantee()) {
            return refuse("POWER_GUARANTEED", "power guarantee is on in the registry");
        }
        if (emergencies.runningFor(customer.customerNo())) {
            return refuse("EMERGENCY_RECONNECTION", "an emergency reconnection is running");
        }
        if (!policy.eligible()) {
            return refuse("NOT_ELIGIBLE", "decision table on the registry's data: " + policy.reason());
        }
        if (policy.noticeLeadDays() < 0) {
            return refuse("NOT_ELIGIBLE", "the decision table gave no notice lead days");
        }
        Optional<Refusal> notice = notice(c, customer, policy, now);
        if (notice.isPresent()) {
            return notice;
        }
        boolean important = customer.importanceGrade() != ImportanceGrade.NONE;
        if (policy.approvalRequired() || customer.safetySensitive() || important) {
            Optional<Refusal> approval = approval(c);
            if (approval.isPresent()) {
                return approval;
            }
        }
        if (important) {
            Optional<Refusal> procedure = importantProcedure(c, policy, now);
            if (procedure.isPresent()) {
                return procedure;
            }
        }
        String closed = window.closedReason(now, customer.district());
        if (closed != null) {
            return refuse("OUTSIDE_WINDOW", closed);
        }
        if (contacts.of(customer).isEmpty()) {
            return refuse("CONTACT_UNVERIFIED", "no VALID contact verified within the configured period");
        }
        return Optional.empty();
    }

    private Optional<Refusal> notice(Case c, CustomerView customer, Policy policy, OffsetDateTime now) {
        Optional<Fact> notice = records.latest(c.processInstanceId(), FactKind.NOTICE_POSTED);
        if (notice.isEmpty()) {
            return refuse("NOTICE_MISSING", "no notice posting recorded for this disconnection");
        }
        String managers = Roles.districtManagersOf(customer.district());
        if (!memberOf(notice.get().recordedBy(), managers)) {
            return refuse("NOTICE_NOT_BY_DISTRICT_MANAGER", "notice recorded by " + notice.get().recordedBy()
                    + ", not a member of " + managers);
        }
        OffsetDateTime earliest = earliestExecution(notice.get(), policy);
        if (now.isBefore(earliest)) {
            return refuse("NOTICE_PERIOD_RUNNING", "notice posted " + notice.get().occurredAt() + ", " + policy.noticeLeadDays()
                    + " lead days: earliest execution " + earliest);
        }
        return Optional.empty();
    }

    private OffsetDateTime earliestExecution(Fact notice, Policy policy) {
        return notice.occurredAt().plus(properties.noticeDay().multipliedBy(policy.noticeLeadDays()));
    }

    private Optional<Refusal> approval(Case c) {
        Optional<Fact> decision = records.latest(c.processInstanceId(), FactKind.DISCONNECTION_APPROVED,
                FactKind.DISCONNECTION_REJECTED);
        if (decision.isEmpty() || decision.get().kind() != FactKind.DISCONNECTION_APPROVED) {
            return refuse("APPROVAL_MISSING", decision.isEmpty() ? "no leader approval recorded for this disconnection"
                    : "the leader's decision was a rejection");
        }
        if (!memberOf(decision.get().recordedBy(), Roles.LEADERS)) {
            return refuse("APPROVAL_MISSING", "approval recorded by " + decision.get().recordedBy() + ", not a member of "
                    + Roles.LEADERS);
        }
        return Optional.empty();
    }

    /** P9: four written notices with notice time T after the notice period, warning before T, order at T, execution 15 min later. */
    private Optional<Refusal> importantProcedure(Case c, Policy policy, OffsetDateTime now) {
        Optional<Fact> written = records.latest(c.processInstanceId(), FactKind.WRITTEN_NOTICES);
        if (written.isEmpty() || written.get().recordedBy() == null) {
            return refuse("WRITTEN_NOTICES_MISSING", "no written notices recorded by a person for this disconnection");
        }
        OffsetDateTime noticeTime = written.get().occurredAt();
        Optional<Fact> notice = records.latest(c.processInstanceId(), FactKind.NOTICE_POSTED);
        if (notice.isPresent() && noticeTime.isBefore(earliestExecution(notice.get(), policy))) {
            return refuse("NOTICE_PERIOD_RUNNING", "notice time " + noticeTime + " is inside the notice period");
        }
        Optional<Fact> warning = records.latest(c.processInstanceId(), FactKind.WARNING_GIVEN);
        Optional<Fact> order = records.latest(c.processInstanceId(), FactKind.ORDER_ISSUED);
        if (warning.isEmpty() || warning.get().occurredAt().isBefore(written.get().recordedAt())
                || warning.get().occurredAt().isAfter(noticeTime)) {
            return refuse("DOUBLE_15_INCOMPLETE", "no warning recorded between the written notices and T = " + noticeTime);
        }
        if (order.isEmpty() || order.get().occurredAt().isBefore(noticeTime)) {
            return refuse("DOUBLE_15_INCOMPLETE", "no formal order recorded at or after T = " + noticeTime);
        }
        OffsetDateTime executeAt = order.get().occurredAt().plus(properties.importantExecutionDelay());
        if (now.isBefore(executeAt)) {
            return refuse("DOUBLE_15_INCOMPLETE", "formal order at " + order.get().occurredAt() + ": execution not before " + executeAt);
        }
        return Optional.empty();
    }

    private boolean memberOf(String userId, String groupId) {
        return userId != null && identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
    }

    record Policy(boolean eligible, String reason, int noticeLeadDays, boolean approvalRequired) {
    }

    /** The decision table evaluated now, on the registry's and the ledger's data (never on the instance's variables). */
    Policy policy(CustomerView customer, AccountStatus account, LocalDate today) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("agreementSigned", customer.hasFeeControlAgreement());
        inputs.put("powerGuarantee", customer.meter() != null && customer.meter().powerGuarantee());
        inputs.put("arrears", account.arrears().doubleValue());
        inputs.put("daysOverdue", account.overdueSince() == null ? 0
                : (int) Math.max(0, ChronoUnit.DAYS.between(account.overdueSince(), today)));
        inputs.put("importanceGrade", customer.importanceGrade().name());
        inputs.put("safetySensitive", customer.safetySensitive());
        inputs.put("usageClass", customer.usageClass().name());
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION_KEY).variables(inputs).evaluate()
                .getSingleResult();
        Object leadDays = result.get("noticeLeadDays");
        return new Policy(Boolean.TRUE.equals(result.get("eligible")), String.valueOf(result.get("eligibilityReason")),
                leadDays instanceof Number n ? n.intValue() : -1, Boolean.TRUE.equals(result.get("approvalRequired")));
    }

    private static Optional<Refusal> refuse(String code, String detail) {
        return Optional.of(Refusal.of(code, detail));
    }
}
