package io.supplyguard.release;

import static io.supplyguard.release.ModelReleaseVariables.RELEASED_DEPLOYMENT_ID;

import io.supplyguard.release.ModelReleases.Status;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * 执行发布决定: an approved version is deployed as its author deployed it (the held models from
 * {@code model_release_resource}, the other resources of the deployment unchanged), in the leader's
 * transaction: approval and release commit together. It becomes the latest version of its key, so
 * every new instance uses it. A rejected version stays suspended under its held key.
 */
@Component("applyModelRelease")
class ApplyModelRelease implements JavaDelegate {

    static final String RELEASE_SOURCE = "supplyguard-model-release";

    private final ModelReleases releases;
    private final RepositoryService repository;

    ApplyModelRelease(ModelReleases releases, RepositoryService repository) {
        this.releases = releases;
        this.repository = repository;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var release = releases.byReleaseInstance(execution.getProcessInstanceId()).orElseThrow(
                () -> new IllegalStateException("no model release for instance " + execution.getProcessInstanceId()));
        if (release.status() != Status.APPROVED) {
            return;
        }
        String releasedId = Context.getCommandContext().runWithoutAuthorization(() -> DeploymentTrust.releasing(() -> {
            var deployment = repository.createDeployment()
                    .name(release.deploymentName() == null ? release.deploymentId() : release.deploymentName())
                    .source(RELEASE_SOURCE);
            resources(release.deploymentId()).forEach((name, content) -> deployment.addInputStream(name, new ByteArrayInputStream(content)));
            return deployment.deploy().getId();
        }));
        releases.released(release.deploymentId(), releasedId);
        execution.setVariable(RELEASED_DEPLOYMENT_ID, releasedId);
    }

    private Map<String, byte[]> resources(String heldDeploymentId) {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        Map<String, byte[]> held = releases.resources(heldDeploymentId);
        var names = repository.getDeploymentResourceNames(heldDeploymentId);
        if (names.isEmpty()) {
            throw new ReleaseRefusedException("待发布的部署已被删除，无法发布（held deployment " + heldDeploymentId + " no longer exists）");
        }
        for (String name : names) {
            if (held.containsKey(name)) {
                resources.put(name, held.get(name));
            } else {
                try (var content = repository.getResourceAsStream(heldDeploymentId, name)) {
                    resources.put(name, content.readAllBytes());
                } catch (java.io.IOException unreadable) {
                    throw new java.io.UncheckedIOException(unreadable);
                }
            }
        }
        return resources;
    }
}
