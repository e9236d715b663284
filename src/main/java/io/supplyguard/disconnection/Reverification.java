package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.calendar.ExecutionWindow;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView;
import io.supplyguard.customer.ImportanceGrade;
import io.supplyguard.meter.CommandOutcome;
import io.supplyguard.meter.CommandResult;
import io.supplyguard.meter.MeterControl;
import io.supplyguard.meter.MeterTarget;
import io.supplyguard.meter.Requester;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The last look before a cut (P4, P5, P8), made at execution time on fresh data: still owing and
 * nothing paid since the start, the same active binding, no power guarantee, not newly
 * safety-sensitive or important, inside the execution window, a verified contact, and the meter
 * on the bus reporting the registry's meter number. Sets {@code verification} to OK or the first
 * reason that forbids the cut, and {@code verificationDetail}.
 */
@Component("reverifyBeforeCut")
class Reverification implements JavaDelegate {

    private final CustomerRegistry registry;
    private final ExecutionWindow window;
    private final ContactCheck contacts;
    private final MeterControl meters;
    private final Clock clock;

    Reverification(CustomerRegistry registry, ExecutionWindow window, ContactCheck contacts, MeterControl meters, Clock clock) {
        this.registry = registry;
        this.window = window;
        this.contacts = contacts;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Verdict verdict = verify(execution);
        execution.setVariable(VERIFICATION, verdict.result());
        execution.setVariable(VERIFICATION_DETAIL, verdict.detail());
    }

    record Verdict(String result, String detail) {
        static final Verdict OK = new Verdict("OK", "all checks passed");
    }

    private Verdict verify(DelegateExecution execution) {
        CustomerView customer = registry.get((String) execution.getVariable(CUSTOMER_NO));
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime started = OffsetDateTime.parse((String) execution.getVariable(STARTED_AT));
        if (customer.account() == null || customer.account().arrears().signum() <= 0) {
            return new Verdict("PAID_BEFORE_CUT", "no arrears on the current balance");
        }
        if (customer.account().lastPaymentAt() != null && customer.account().lastPaymentAt().isAfter(started)) {
            return new Verdict("PAID_BEFORE_CUT", "payment at " + customer.account().lastPaymentAt() + " since the start");
        }
        String meterNo = (String) execution.getVariable(METER_NO);
        if (customer.meter() == null || !customer.meter().meterNo().equals(meterNo)) {
            return new Verdict("BINDING_CHANGED", "active meter is " + (customer.meter() == null ? "none" : customer.meter().meterNo())
                    + ", process was started for " + meterNo);
        }
        if (customer.meter().powerGuarantee()) {
            return new Verdict("POWER_GUARANTEED", "power guarantee is on in the registry");
        }
        if (!customer.hasFeeControlAgreement()) {
            return new Verdict("NO_AGREEMENT", "fee-control agreement no longer on record");
        }
        String path = (String) execution.getVariable(PATH);
        if (customer.safetySensitive() && "ORDINARY".equals(path)) {
            return new Verdict("NEWLY_SAFETY_SENSITIVE", "customer became safety-sensitive: " + customer.safetyReason());
        }
        if (customer.importanceGrade() != ImportanceGrade.NONE && !"IMPORTANT".equals(path)) {
            return new Verdict("NEWLY_IMPORTANT", "customer became an important customer: " + customer.importanceGrade());
        }
        String closed = window.closedReason(now, customer.district());
        if (closed != null) {
            return new Verdict("OUTSIDE_WINDOW", closed);
        }
        if (contacts.verifiedContact(customer.customerNo()).isEmpty()) {
            return new Verdict("CONTACT_UNVERIFIED", "no VALID contact verified within the configured period");
        }
        return verifyOnTheBus(customer.meter().target(), Requester.process(execution.getProcessInstanceId(),
                execution.getCurrentActivityId()));
    }

    private Verdict verifyOnTheBus(MeterTarget target, Requester requester) {
        CommandResult number = meters.readMeterNumber(target, requester);
        if (number.outcome() == CommandOutcome.WRONG_METER) {
            return new Verdict("WRONG_METER", "meter at " + target.address() + " reports " + number.meterNo()
                    + ", registry says " + target.meterNo());
        }
        if (!number.succeeded()) {
            return new Verdict("METER_UNREACHABLE", "meter number read: " + number.outcome() + " " + number.reason());
        }
        if (!target.meterNo().equals(number.meterNo())) {
            return new Verdict("WRONG_METER", "meter reports " + number.meterNo() + ", registry says " + target.meterNo());
        }
        CommandResult status = meters.readRelayStatus(target, requester);
        if (!status.succeeded()) {
            return new Verdict("METER_UNREACHABLE", "status read: " + status.outcome() + " " + status.reason());
        }
        if (status.status().powerGuarantee()) {
            return new Verdict("POWER_GUARANTEED", "the meter reports power guarantee on");
        }
        return Verdict.OK;
    }
}
