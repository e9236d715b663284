package io.supplyguard.guard;

import io.supplyguard.guard.FormFields.FormField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task completed on a user's behalf (REST, Tasklist, the Java API with an authenticated user)
 * writes only the fields its Camunda Form declares, each with its declared type; read-only fields
 * only as they were shown (and they are not written back). Anything else refuses the whole
 * completion, names the variable and is logged with the user. Engine-internal calls (no
 * authenticated user: delegates, the application's own services) are not users' claims.
 */
class TaskWriteGuard extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(TaskWriteGuard.class);

    @Override
    public <T> T execute(Command<T> command) {
        TaskWrite.of(command).ifPresent(TaskWriteGuard::check);
        return next.execute(command);
    }

    private static void check(TaskWrite write) {
        CommandContext context = Context.getCommandContext();
        String user = context.getAuthenticatedUserId();
        if (user == null || write.variables().isEmpty() || write.taskId() == null) {
            return;
        }
        TaskEntity task = context.getTaskManager().findTaskById(write.taskId());
        if (task == null) {
            return; // the command itself answers "not found"
        }
        // who may not work the task hears 403, not what its form contains
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkTaskWork(task);
        }
        if (!write.completion()) {
            String variable = write.variables().keySet().iterator().next();
            log.warn("refused: user {} sent variable '{}' to task {} ({}) outside its completion", user, variable,
                    task.getId(), task.getTaskDefinitionKey());
            throw new TaskVariablesRefusedException(variable);
        }
        FormFields form = formOf(context, task);
        Map<String, Object> written = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : write.variables().entrySet()) {
            String name = entry.getKey();
            Optional<FormField> field = form.field(name);
            if (field.isEmpty()) {
                throw refused(user, task, name, "不在此任务的表单中", "not a field of form " + form.formId());
            }
            if (field.get().readonly()) {
                if (FieldValues.changed(task.getVariable(name), entry.getValue())) {
                    throw refused(user, task, name, "为只读，不能修改", "read-only field of form " + form.formId() + " changed");
                }
                continue;
            }
            Optional<String> mismatch = FieldValues.mismatch(field.get(), entry.getValue());
            if (mismatch.isPresent()) {
                throw refused(user, task, name, mismatch.get(), "wrong type for a " + field.get().type() + " field of form " + form.formId());
            }
            written.put(name, entry.getValue());
        }
        write.replaceVariables(written);
    }

    private static FormFields formOf(CommandContext context, TaskEntity task) {
        try {
            return FormFields.parse(context.runWithoutAuthorization(new GetDeployedTaskFormCmd(task.getId())));
        } catch (ProcessEngineException noDeployedForm) {
            return FormFields.none(); // a task without a form writes nothing
        }
    }

    private static TaskWriteRefusedException refused(String user, TaskEntity task, String variable, String problem, String detail) {
        log.warn("refused: user {} completing task {} ({}) of process instance {}: variable '{}' {}", user, task.getId(),
                task.getTaskDefinitionKey(), task.getProcessInstanceId(), variable, detail);
        return new TaskWriteRefusedException(variable, problem, detail);
    }
}
