package io.supplyguard.guard;

import java.util.ArrayList;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Installs the engine guards. The Camunda Spring Boot starter applies every plugin bean.
 *
 * <p>Candidates and assignees get TASK_WORK instead of Camunda's default UPDATE: they may claim and
 * complete their task, but {@code /task/{id}/variables} and {@code /localVariables} need
 * UPDATE_VARIABLE, which no role holds. What a completion may write is checked by {@link TaskWriteGuard}.
 */
@Component
class EngineGuardsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDefaultUserPermissionNameForTask(TaskPermissions.TASK_WORK.getName());
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new TaskWriteGuard());
        if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new TaskWriteGuard());
    }
}
