package io.supplyguard.disconnection;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A form was completed with a missing or invalid field: Tasklist shows this message, nothing is
 * saved. The message starts with what the person reads (Chinese), then names the field for support.
 * It is the client's error, so the engine REST API answers it with 400, not 500.
 */
class FormInputException extends BadUserRequestException {

    FormInputException(String field, String problem) {
        this(field, problem, "表单填写有误");
    }

    FormInputException(String field, String problem, String hint) {
        super(hint + "（field '" + field + "' " + problem + "）");
    }
}
