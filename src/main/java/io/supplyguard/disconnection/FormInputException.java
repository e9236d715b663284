package io.supplyguard.disconnection;

import org.camunda.bpm.engine.ProcessEngineException;

/** A form was completed with a missing or invalid field: Tasklist shows this message, nothing is saved. */
class FormInputException extends ProcessEngineException {

    FormInputException(String field, String problem) {
        super("field '" + field + "' " + problem);
    }
}
