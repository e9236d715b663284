package io.supplyguard.switching;

import io.supplyguard.meter.ControlCommand;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a process step may ask of the kernel: which instance, which step, which command — or, with
 * no command, a read of the relay status (status word 3). Nothing else: the customer, the meter
 * and every fact are the kernel's to look up.
 */
public record SwitchingRequest(String processInstanceId, String activityId, ControlCommand command) {

    /** The queue's name of a status read. */
    static final String STATUS_READ = "READ_STATUS";

    /** The step that is running: its instance and activity, nothing of its variables. */
    public static SwitchingRequest of(DelegateExecution execution, ControlCommand command) {
        return new SwitchingRequest(execution.getProcessInstanceId(), execution.getCurrentActivityId(), command);
    }

    /** A read-back of the relay (a crew's report checked, say): no control frame, no trip conditions. */
    public static SwitchingRequest statusRead(DelegateExecution execution) {
        return new SwitchingRequest(execution.getProcessInstanceId(), execution.getCurrentActivityId(), null);
    }

    public boolean isStatusRead() {
        return command == null;
    }

    /** The command's name, as the queue and the decision records write it. */
    String name() {
        return command == null ? STATUS_READ : command.name();
    }

    /** Reads check a restoration; closes and guarantees restore: all go ahead of cuts. */
    boolean urgent() {
        return command == null || command.urgent();
    }

    static ControlCommand commandNamed(String name) {
        return STATUS_READ.equals(name) ? null : ControlCommand.valueOf(name);
    }
}
