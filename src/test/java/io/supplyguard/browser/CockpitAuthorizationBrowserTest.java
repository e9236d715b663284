package io.supplyguard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With authorization checks on, a user who may read but not delete process instances is refused
 * when cancelling one in Cockpit, and the instance keeps running. The grants are made here for
 * the one user, so the test does not depend on how the role authorizations are seeded.
 * Authorization checks are on by the application's configuration; no property of its own keeps
 * this class in the Spring context the other browser tests share.
 */
@BrowserTest
class CockpitAuthorizationBrowserTest {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired AuthorizationService authorizations;

    private final List<String> granted = new ArrayList<>();

    @AfterEach
    void revoke() {
        granted.forEach(authorizations::deleteAuthorization);
    }

    @Test
    void aReadOnlyUserIsRefusedWhenCancellingARunningInstance(Browser browser) {
        grant("auditor", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant("auditor", Resources.PROCESS_DEFINITION, ProbeProcess.KEY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
        grant("auditor", Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
        try (ProbeProcess probe = ProbeProcess.deploy(repository)) {
            String instanceId = probe.start(runtime, "3200100006").getId();

            CockpitPage cockpit = CockpitPage.login(browser, "auditor", "auditor").openProcessInstance(instanceId);
            assertThat(cockpit.diagramShows(ProbeProcess.TASK_ID)).isTrue();

            assertThat(cockpit.cancelProcessInstance()).isFalse();
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isOne();
        }
    }

    private void grant(String userId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setUserId(userId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        granted.add(authorizations.saveAuthorization(authorization).getId());
    }
}
