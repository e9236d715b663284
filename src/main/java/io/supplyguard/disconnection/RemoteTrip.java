package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.meter.CommandResult;
import io.supplyguard.meter.ControlCommand;
import io.supplyguard.switching.SwitchingKernel;
import io.supplyguard.switching.SwitchingOutcome;
import io.supplyguard.switching.SwitchingRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The remote trip (control 1CH, N1=1AH) through the switching kernel, which decides at the last
 * moment from its own records. A refusal ({@code tripOutcome = REFUSED}) routes like a failed
 * re-verification ({@code verification} = its code); any other non-success is a field follow-up
 * cut. Every retry of this job asks the kernel again.
 */
@Component("tripMeter")
class RemoteTrip implements JavaDelegate {

    static final String REFUSED = "REFUSED";

    private final SwitchingKernel kernel;

    RemoteTrip(SwitchingKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SwitchingOutcome outcome = kernel.execute(SwitchingRequest.of(execution, ControlCommand.TRIP));
        if (outcome.refused()) {
            execution.setVariable(TRIP_OUTCOME, REFUSED);
            execution.setVariable(TRIP_REASON, outcome.refusal().toString());
            execution.setVariable(VERIFICATION, outcome.refusal().code());
            execution.setVariable(VERIFICATION_DETAIL, outcome.refusal().detail());
            return;
        }
        CommandResult result = outcome.result();
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
