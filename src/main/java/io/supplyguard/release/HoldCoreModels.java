package io.supplyguard.release;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ResourceDefinition;

/**
 * Runs before the engine parses a new deployment: a BPMN or DMN resource defining a core model, in a
 * deployment {@link DeploymentTrust} does not trust, is recorded as its author deployed it (with what
 * it changes against the approved version) and replaced by its held copy ({@link HeldModelXml}).
 */
final class HoldCoreModels implements Deployer {

    private final DeploymentTrust trust;
    private final ModelReleases releases;
    private final Clock clock;

    HoldCoreModels(DeploymentTrust trust, ModelReleases releases, Clock clock) {
        this.trust = trust;
        this.releases = releases;
        this.clock = clock;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        CommandContext command = Context.getCommandContext();
        String user = command.getAuthenticatedUserId();
        boolean trusted = trust.trusts(deployment, user);
        Map<String, byte[]> held = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        List<String> changes = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            boolean decision = isDmn(resource.getName());
            if (!decision && !isBpmn(resource.getName())) {
                continue;
            }
            HeldModelXml model = HeldModelXml.read(resource.getBytes()); // refuses reserved ids in every deployment
            if (trusted || model == null || model.coreKeys().isEmpty()) {
                continue;
            }
            requireUtf8(resource);
            for (String key : model.coreKeys()) {
                changes.add(key + "：");
                List<String> lines = ModelChanges.of(key, decision, approvedXml(command, key, decision), resource.getBytes());
                changes.addAll(lines.isEmpty() ? List.of("  （模型元素与规则无变化）") : lines.stream().map(line -> "  " + line).toList());
            }
            keys.addAll(model.coreKeys());
            held.put(resource.getName(), resource.getBytes());
            resource.setBytes(model.heldCopy());
        }
        if (!held.isEmpty()) {
            releases.hold(deployment.getId(), deployment.getName(), user, OffsetDateTime.now(clock), String.join(",", keys),
                    String.join("\n", changes), held);
        }
    }

    /** The approved version's model: the latest of its key (held versions have another key). */
    private static byte[] approvedXml(CommandContext command, String key, boolean decision) {
        ResourceDefinition approved = decision
                ? command.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key)
                : command.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key);
        if (approved == null) {
            return null;
        }
        ResourceEntity resource = command.getResourceManager()
                .findResourceByDeploymentIdAndResourceName(approved.getDeploymentId(), approved.getResourceName());
        return resource == null ? null : resource.getBytes();
    }

    private static void requireUtf8(ResourceEntity resource) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(resource.getBytes()));
        } catch (CharacterCodingException notUtf8) {
            throw new BadUserRequestException("resource '" + resource.getName() + "': core models are UTF-8 encoded");
        }
    }

    static boolean isBpmn(String name) {
        return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
    }

    static boolean isDmn(String name) {
        return name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
    }
}
