package io.supplyguard.switching;

import io.supplyguard.meter.ControlCommand;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a process step may ask of the kernel: which instance, which step, which command. Nothing
 * else: the customer, the meter and every fact are the kernel's to look up.
 */
public record SwitchingRequest(String processInstanceId, String activityId, ControlCommand command) {

    /** The step that is running: its instance and activity, nothing of its variables. */
    public static SwitchingRequest of(DelegateExecution execution, ControlCommand command) {
        return new SwitchingRequest(execution.getProcessInstanceId(), execution.getCurrentActivityId(), command);
    }
}
