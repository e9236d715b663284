package io.supplyguard.switching;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/** The disconnection instance a step belongs to: a called important-customer process reports to its caller. */
final class RootInstance {

    private RootInstance() {
    }

    static String of(DelegateExecution execution) {
        ExecutionEntity instance = ((ExecutionEntity) execution).getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        return instance.getId();
    }
}
