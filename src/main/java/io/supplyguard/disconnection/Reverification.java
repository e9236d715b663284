package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.meter.ControlCommand;
import io.supplyguard.switching.Refusal;
import io.supplyguard.switching.SwitchingKernel;
import io.supplyguard.switching.SwitchingRequest;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The last look before a cut (P4, P5, P8), made at execution time: the switching kernel's trip
 * conditions on its own records (nothing of this instance's variables). Sets {@code verification}
 * to OK or the reason that forbids the cut, and {@code verificationDetail}. The meter itself — its
 * own number, no power guarantee — is read by the trip's first frames, immediately before the
 * control frame (issue 16: no read is done twice for one cut, and no engine thread waits on a
 * bus); the kernel decides again there.
 */
@Component("reverifyBeforeCut")
class Reverification implements JavaDelegate {

    private final SwitchingKernel kernel;

    Reverification(SwitchingKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<Refusal> refusal = kernel.assess(SwitchingRequest.of(execution, ControlCommand.TRIP));
        execution.setVariable(VERIFICATION, refusal.map(Refusal::code).orElse("OK"));
        execution.setVariable(VERIFICATION_DETAIL, refusal.map(Refusal::detail).orElse("all checks passed"));
    }
}
