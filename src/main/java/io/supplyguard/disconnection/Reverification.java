package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.meter.CommandOutcome;
import io.supplyguard.meter.CommandResult;
import io.supplyguard.meter.ControlCommand;
import io.supplyguard.meter.MeterControl;
import io.supplyguard.meter.MeterTarget;
import io.supplyguard.meter.Requester;
import io.supplyguard.switching.Refusal;
import io.supplyguard.switching.SwitchingKernel;
import io.supplyguard.switching.SwitchingRequest;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The last look before a cut (P4, P5, P8), made at execution time: the switching kernel's trip
 * conditions on its own records (nothing of this instance's variables), then the meter on the bus
 * reporting the registry's meter number and no power guarantee. Sets {@code verification} to OK
 * or the reason that forbids the cut, and {@code verificationDetail}. The kernel decides again
 * immediately before the trip frame; this step only routes the model early.
 */
@Component("reverifyBeforeCut")
class Reverification implements JavaDelegate {

    private final SwitchingKernel kernel;
    private final CustomerRegistry registry;
    private final MeterControl meters;

    Reverification(SwitchingKernel kernel, CustomerRegistry registry, MeterControl meters) {
        this.kernel = kernel;
        this.registry = registry;
        this.meters = meters;
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
        Optional<Refusal> refusal = kernel.assess(SwitchingRequest.of(execution, ControlCommand.TRIP));
        if (refusal.isPresent()) {
            return new Verdict(refusal.get().code(), refusal.get().detail());
        }
        var meter = registry.get(execution.getProcessBusinessKey()).meter();
        return verifyOnTheBus(meter.target(), Requester.process(execution.getProcessInstanceId(),
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
