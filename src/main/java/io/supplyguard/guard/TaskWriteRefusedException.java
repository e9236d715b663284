package io.supplyguard.guard;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A completion wrote a variable its task's form does not declare, or with the wrong type. The REST
 * API answers 400 with this message (Tasklist shows it): first what staff read, then the variable for
 * support. Nothing is written.
 */
class TaskWriteRefusedException extends FormFieldValidationException {

    TaskWriteRefusedException(String variable, String problem, String detail) {
        super(variable, "字段“" + variable + "”" + problem + "（variable '" + variable + "' refused: " + detail + "）");
    }
}
