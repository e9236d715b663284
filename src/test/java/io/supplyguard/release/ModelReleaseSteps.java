package io.supplyguard.release;

import io.supplyguard.identity.Roles;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;

/** For tests of other modules that deploy a changed core model: a leader releases it, as in Tasklist. */
public final class ModelReleaseSteps {

    private static final String LEADER = "release-test-leader";

    private ModelReleaseSteps() {
    }

    /** Approves the release of a held deployment as a leader; returns the released deployment's id. */
    public static String approveAsLeader(ProcessEngine engine, String heldDeploymentId) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(LEADER).count() == 0) {
            var user = identity.newUser(LEADER);
            user.setPassword(UUID.randomUUID() + "Aa1!");
            identity.saveUser(user);
        }
        if (identity.createGroupQuery().groupId(Roles.LEADERS).count() == 0) {
            identity.saveGroup(identity.newGroup(Roles.LEADERS));
        }
        if (identity.createUserQuery().userId(LEADER).memberOfGroup(Roles.LEADERS).count() == 0) {
            identity.createMembership(LEADER, Roles.LEADERS);
        }
        var task = engine.getTaskService().createTaskQuery().processDefinitionKey(StartModelRelease.RELEASE_PROCESS)
                .processInstanceBusinessKey(heldDeploymentId).singleResult();
        identity.setAuthentication(LEADER, List.of(Roles.LEADERS));
        try {
            engine.getTaskService().complete(task.getId(), Map.of(ModelReleaseVariables.RELEASE_DECISION, "APPROVED"));
        } finally {
            identity.clearAuthentication();
        }
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .variableName(ModelReleaseVariables.RELEASED_DEPLOYMENT_ID).singleResult().getValue().toString();
    }
}
