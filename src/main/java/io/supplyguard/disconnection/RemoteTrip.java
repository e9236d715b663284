package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.meter.CommandOutcome;
import io.supplyguard.meter.CommandResult;
import io.supplyguard.meter.ControlCommand;
import io.supplyguard.switching.SwitchingKernel;
import io.supplyguard.switching.SwitchingOutcome;
import io.supplyguard.switching.SwitchingRequest;
import io.supplyguard.switching.SwitchingStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The remote trip (control 1CH, N1=1AH) through the switching kernel, which decides at the last
 * moment from its own records. A refusal ({@code tripOutcome = REFUSED}) routes like a failed
 * re-verification ({@code verification} = its code); any other non-success is a field follow-up
 * cut. The step waits for the kernel's queue ({@link SwitchingStep}); every run of the command
 * asks the kernel again.
 */
@Component("tripMeter")
class RemoteTrip extends SwitchingStep {

    static final String REFUSED = "REFUSED";

    RemoteTrip(SwitchingKernel kernel) {
        super(kernel);
    }

    @Override
    protected SwitchingRequest request(DelegateExecution execution) {
        return SwitchingRequest.of(execution, ControlCommand.TRIP);
    }

    @Override
    protected void onResult(DelegateExecution execution, SwitchingOutcome outcome) {
        if (outcome.refused()) {
            execution.setVariable(TRIP_OUTCOME, REFUSED);
            execution.setVariable(TRIP_REASON, outcome.refusal().toString());
            execution.setVariable(VERIFICATION, outcome.refusal().code());
            execution.setVariable(VERIFICATION_DETAIL, outcome.refusal().detail());
            return;
        }
        CommandResult result = outcome.result();
        if (result.outcome() == CommandOutcome.GUARANTEED) {
            // the meter's own power guarantee, read right before the trip: no cut, as for the registry's
            execution.setVariable(TRIP_OUTCOME, REFUSED);
            execution.setVariable(TRIP_REASON, "POWER_GUARANTEED: " + result.reason());
            execution.setVariable(VERIFICATION, "POWER_GUARANTEED");
            execution.setVariable(VERIFICATION_DETAIL, "the meter reports power guarantee on");
            return;
        }
        execution.setVariable(TRIP_OUTCOME, result.outcome().name());
        execution.setVariable(TRIP_REASON, result.reason() != null ? result.reason() : "");
        if (result.auditId() != null) {
            execution.setVariable(TRIP_AUDIT_ID, result.auditId());
        }
        if (!result.succeeded()) {
            execution.setVariable(FIELD_ORDER_REASON, "远程停电未成功: " + result.outcome()
                    + (result.reason() != null ? " (" + result.reason() + ")" : ""));
        }
    }
}
