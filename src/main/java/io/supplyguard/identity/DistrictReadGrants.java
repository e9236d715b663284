package io.supplyguard.identity;

import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * District roles read only their districts' instances (issue 15, rule 2). Instead of READ_INSTANCE on
 * every definition, a district gets READ on one process instance (runtime and history) when a task
 * of the instance is offered to that district's managers or crew: a user task created with candidate
 * group {@code district-managers-<d>} or {@code field-crew-<d>} grants both groups of {@code <d>}.
 * History needs Camunda's historic instance permissions, switched on here. Nothing names a district.
 */
@Component
class DistrictReadGrants extends AbstractProcessEnginePlugin implements TaskListener {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableHistoricInstancePermissions(true);
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, DistrictReadGrants.this);
            }
        });
    }

    @Override
    public void notify(DelegateTask task) {
        Set<String> districts = new LinkedHashSet<>();
        for (IdentityLink link : ((TaskEntity) task).getIdentityLinks()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                districtOf(link.getGroupId()).ifPresent(districts::add);
            }
        }
        if (districts.isEmpty()) {
            return;
        }
        String instance = task.getProcessInstanceId();
        Context.getCommandContext().runWithoutAuthorization(() -> {
            AuthorizationService authorizations = Context.getProcessEngineConfiguration().getAuthorizationService();
            for (String district : districts) {
                for (String group : Set.of(Roles.districtManagersOf(district), Roles.fieldCrewOf(district))) {
                    grantRead(authorizations, group, PROCESS_INSTANCE, Permissions.READ, instance);
                    grantRead(authorizations, group, HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ, instance);
                }
            }
            return null;
        });
    }

    private static Optional<String> districtOf(String group) {
        for (String role : new String[] {Roles.DISTRICT_MANAGERS + "-", Roles.FIELD_CREW + "-"}) {
            if (group.startsWith(role) && group.length() > role.length()) {
                return Optional.of(group.substring(role.length()));
            }
        }
        return Optional.empty();
    }

    private static void grantRead(AuthorizationService authorizations, String group, Resource resource, Permission read,
            String instanceId) {
        if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(instanceId).count() > 0) {
            return;
        }
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(instanceId);
        grant.addPermission(read);
        authorizations.saveAuthorization(grant);
    }
}
