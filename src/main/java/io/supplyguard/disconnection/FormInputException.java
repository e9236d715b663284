package io.supplyguard.disconnection;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A form was completed with a missing or invalid field: Tasklist shows this message, nothing is
 * saved. The message starts with what the person reads (Chinese), then names the field for support.
 */
class FormInputException extends ProcessEngineException {

    FormInputException(String field, String problem) {
        this(field, problem, "表单填写有误");
    }

    FormInputException(String field, String problem, String hint) {
        super(hint + "（field '" + field + "' " + problem + "）");
    }
}
