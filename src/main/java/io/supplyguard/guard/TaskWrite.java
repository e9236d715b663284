package io.supplyguard.guard;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The variables an engine command is about to write through a task: completion ({@code complete},
 * {@code submit-form}) or the other task commands that carry variables ({@code resolve},
 * {@code bpmnError}, {@code bpmnEscalation}). Camunda keeps them in protected fields of the command;
 * they are read (and replaced by the checked copy) reflectively, failing closed;
 * {@code TaskWriteGuardTest} fails if an upgrade renames them. Setting variables directly ({@code /task/{id}/variables}) needs
 * UPDATE_VARIABLE, which no role holds, so it is not listed here.
 */
record TaskWrite(Command<?> command, Field variablesField, String taskId, Map<String, Object> variables, boolean completion) {

    static Optional<TaskWrite> of(Command<?> command) {
        if (command instanceof ResolveTaskCmd) {
            return read(command, CompleteTaskCmd.class, "variables", false);
        }
        if (command instanceof CompleteTaskCmd) {
            return read(command, CompleteTaskCmd.class, "variables", true);
        }
        if (command instanceof SubmitTaskFormCmd) {
            return read(command, SubmitTaskFormCmd.class, "properties", true);
        }
        if (command instanceof HandleTaskBpmnErrorCmd) {
            return read(command, HandleTaskBpmnErrorCmd.class, "variables", false);
        }
        if (command instanceof HandleTaskEscalationCmd) {
            return read(command, HandleTaskEscalationCmd.class, "variables", false);
        }
        return Optional.empty();
    }

    /** The command writes these instead of what it was given. */
    void replaceVariables(Map<String, Object> checked) {
        try {
            variablesField.set(command, Variables.fromMap(checked));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot replace the variables of " + command.getClass().getName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<TaskWrite> read(Command<?> command, Class<?> declaring, String variablesField, boolean completion) {
        try {
            Field taskIdField = declaring.getDeclaredField("taskId");
            Field variables = declaring.getDeclaredField(variablesField);
            taskIdField.setAccessible(true);
            variables.setAccessible(true);
            Map<String, Object> submitted = (Map<String, Object>) variables.get(command);
            return Optional.of(new TaskWrite(command, variables, (String) taskIdField.get(command),
                    submitted == null ? Map.of() : submitted, completion));
        } catch (ReflectiveOperationException e) {
            // fail closed: an engine whose commands we cannot read must not write unchecked variables
            throw new IllegalStateException("cannot read the variables of " + declaring.getName(), e);
        }
    }
}
