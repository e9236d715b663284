package io.supplyguard.guard;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Installs the engine guards. The Camunda Spring Boot starter applies every plugin bean.
 *
 * <p>Candidates and assignees get TASK_WORK instead of Camunda's default UPDATE: they may claim and
 * complete their task, but {@code /task/{id}/variables} and {@code /localVariables} need
 * UPDATE_VARIABLE, which no role holds. What a completion may write is checked by {@link TaskWriteGuard};
 * deployments by {@link DeploymentGuard} and {@link DeploymentResourceGuard}; process starts by
 * {@link BusinessKeyIsCustomerNumber}.
 */
@Component
class EngineGuardsPlugin extends AbstractProcessEnginePlugin {

    private final ListableBeanFactory beans;

    EngineGuardsPlugin(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDefaultUserPermissionNameForTask(TaskPermissions.TASK_WORK.getName());
        orEmpty(configuration.getCustomPostCommandInterceptorsTxRequired(), configuration::setCustomPostCommandInterceptorsTxRequired)
                .add(new TaskWriteGuard());
        orEmpty(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), configuration::setCustomPostCommandInterceptorsTxRequiresNew)
                .add(new TaskWriteGuard());
        var parseListeners = orEmpty(configuration.getCustomPostBPMNParseListeners(), configuration::setCustomPostBPMNParseListeners);
        parseListeners.add(new DeploymentGuard(new ExpressionCheck(beans::containsBean)));
        parseListeners.add(new BusinessKeyIsCustomerNumber());
        orEmpty(configuration.getCustomPreDeployers(), configuration::setCustomPreDeployers).add(new DeploymentResourceGuard());
    }

    private static <T> List<T> orEmpty(List<T> list, java.util.function.Consumer<List<T>> setter) {
        if (list != null) {
            return list;
        }
        List<T> created = new ArrayList<>();
        setter.accept(created);
        return created;
    }
}
