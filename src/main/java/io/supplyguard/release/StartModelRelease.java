package io.supplyguard.release;

import static io.supplyguard.release.ModelReleaseVariables.*;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Runs after the engine has parsed a new deployment: held process versions are suspended (a timer
 * of a held copy fires into nothing), the leaders' release task is started in the same transaction,
 * and — should a core model have escaped {@link HoldCoreModels} — an untrusted deployment that
 * brings a version of a core key into use is refused.
 */
final class StartModelRelease implements Deployer {

    static final String RELEASE_PROCESS = "model-release";

    private final DeploymentTrust trust;
    private final ModelReleases releases;

    StartModelRelease(DeploymentTrust trust, ModelReleases releases) {
        this.trust = trust;
        this.releases = releases;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        CommandContext command = Context.getCommandContext();
        boolean trusted = trust.trusts(deployment, command.getAuthenticatedUserId());
        for (ProcessDefinitionEntity definition : deployed(deployment, ProcessDefinitionEntity.class)) {
            refuseUnreleased(definition, trusted);
            if (CoreModels.isHeldKey(definition.getKey())) {
                definition.setSuspensionState(SuspensionState.SUSPENDED.getStateCode());
            }
        }
        for (DecisionDefinitionEntity definition : deployed(deployment, DecisionDefinitionEntity.class)) {
            refuseUnreleased(definition, trusted);
        }
        releases.find(deployment.getId()).ifPresent(release -> {
            Map<String, Object> variables = Variables.createVariables()
                    .putValue(RELEASE_DEPLOYMENT_NAME, release.deploymentName() == null ? release.deploymentId() : release.deploymentName())
                    .putValue(RELEASE_MODELS, release.modelKeys())
                    .putValue(RELEASE_DEPLOYED_BY, release.deployedBy() == null ? "（系统）" : release.deployedBy())
                    .putValue(RELEASE_DEPLOYED_AT, release.deployedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")))
                    .putValue(RELEASE_CHANGES, release.changes());
            // the author may not start processes: the release task is the application's, not theirs
            String instanceId = command.runWithoutAuthorization(() -> command.getProcessEngineConfiguration().getRuntimeService()
                    .createProcessInstanceByKey(RELEASE_PROCESS).businessKey(release.deploymentId()).setVariables(variables).execute().getId());
            releases.releaseTaskStarted(release.deploymentId(), instanceId);
        });
    }

    private static <T extends ResourceDefinition> List<T> deployed(DeploymentEntity deployment, Class<T> type) {
        List<T> artifacts = deployment.getDeployedArtifacts(type);
        return artifacts == null ? List.of() : artifacts;
    }

    private static void refuseUnreleased(ResourceDefinition definition, boolean trusted) {
        if (!trusted && CoreModels.KEYS.contains(definition.getKey())) {
            throw new BadUserRequestException("'" + definition.getKey() + "' (resource '" + definition.getResourceName()
                    + "') is a core model: a new version is released by a leader; deploy it as a .bpmn or .dmn file");
        }
    }
}
