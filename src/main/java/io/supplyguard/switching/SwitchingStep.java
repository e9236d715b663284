package io.supplyguard.switching;

import io.supplyguard.meter.ControlCommand;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.bpmn.behavior.AbstractBpmnActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;

/**
 * A process step that switches a meter without holding an engine thread (issue 16; Camunda's
 * "asynchronous service invocation" pattern): {@code execute} hands the command to the kernel's
 * durable queue and the execution waits in the activity; the bus's dispatcher signals it when the
 * result is recorded, and {@code signal} reads that result from the kernel's record — never from
 * the signal's payload — marks it delivered and leaves. A signal without a recorded result (from
 * anyone but the dispatcher) is refused. Subclasses say which command and what the result means
 * for the process.
 */
public abstract class SwitchingStep extends AbstractBpmnActivityBehavior {

    private final SwitchingKernel kernel;

    protected SwitchingStep(SwitchingKernel kernel) {
        this.kernel = kernel;
    }

    /** The command this step asks for (the kernel finds customer and meter itself). */
    protected abstract ControlCommand command(DelegateExecution execution);

    /** What the result means for the process: variables and records of the step's own module. */
    protected abstract void onResult(DelegateExecution execution, SwitchingOutcome outcome);

    @Override
    public void execute(ActivityExecution execution) throws Exception {
        Optional<SwitchingOutcome> refusedAtOnce = kernel.submit(SwitchingRequest.of(execution, command(execution)),
                execution.getId());
        if (refusedAtOnce.isPresent()) {
            onResult(execution, refusedAtOnce.get());
            leave(execution);
        }
        // otherwise the execution waits here for the dispatcher's signal
    }

    @Override
    public void signal(ActivityExecution execution, String signalName, Object signalData) throws Exception {
        SwitchingOutcome outcome = kernel.takeResult(execution.getId()).orElseThrow(() -> new BadUserRequestException(
                "开关指令尚无结果，不能推进（" + execution.getCurrentActivityId() + "）: no switching result recorded for execution "
                        + execution.getId()));
        onResult(execution, outcome);
        leave(execution);
    }
}
