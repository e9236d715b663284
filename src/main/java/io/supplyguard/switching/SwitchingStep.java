package io.supplyguard.switching;

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

    /**
     * What this step asks for: a switching command ({@link SwitchingRequest#of}) or a status read
     * ({@link SwitchingRequest#statusRead}); the kernel finds customer and meter itself. Null: nothing
     * to ask the meter this time ({@link #onResult} then gets no outcome).
     */
    protected abstract SwitchingRequest request(DelegateExecution execution);

    /** Work of the step's own that goes with handing the command over, in the same transaction (an SMS, a fact). */
    protected void beforeSubmit(DelegateExecution execution) {
    }

    /** What the result means for the process: variables and records of the step's own module. */
    protected abstract void onResult(DelegateExecution execution, SwitchingOutcome outcome);

    @Override
    public void execute(ActivityExecution execution) throws Exception {
        beforeSubmit(execution);
        SwitchingRequest request = request(execution);
        if (request == null) {
            onResult(execution, null); // nothing to ask the meter: the step decides without it
            leave(execution);
            return;
        }
        Optional<SwitchingOutcome> refusedAtOnce = kernel.submit(request, execution.getId());
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
