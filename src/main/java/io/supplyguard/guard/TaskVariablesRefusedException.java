package io.supplyguard.guard;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Variables sent with a task command other than completion ({@code resolve}, {@code bpmnError},
 * {@code bpmnEscalation}): a task writes only through its form. The REST API answers 400.
 */
class TaskVariablesRefusedException extends BadUserRequestException {

    TaskVariablesRefusedException(String variable) {
        super("只能通过完成任务表单写入数据，字段“" + variable + "”被拒绝（variable '" + variable
                + "' refused: variables are written only by completing the task's form）");
    }
}
