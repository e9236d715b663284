package io.supplyguard.switching;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A fact a person claimed could not be recorded (e.g. a posting time outside the task's life):
 * the task completion fails and nothing is saved. Chinese first (Tasklist shows it), then the field.
 */
public class FactRejectedException extends ProcessEngineException {

    FactRejectedException(String field, String problem, String hint) {
        super(hint + "（field '" + field + "' " + problem + "）");
    }
}
