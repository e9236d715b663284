package io.supplyguard.identity;

import static io.supplyguard.identity.Roles.*;
import static org.camunda.bpm.engine.authorization.Permissions.*;
import static org.camunda.bpm.engine.authorization.Resources.*;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The rights of each role as Camunda authorizations (issue 7), granted idempotently at start-up.
 * Task work comes from candidate groups (the engine authorizes a task's candidate group on it);
 * what is granted here is what the webapps and the engine REST API need around that. Nobody but
 * {@code camunda-admin} gets DELETE, UPDATE, SUSPEND or MIGRATE on process instances.
 */
@Component
class RoleAuthorizations {

    static final String ARREARS_DISCONNECTION = "arrears-disconnection";
    static final String EMERGENCY_RECONNECTION = "emergency-reconnection";
    static final String COUNTER_CONTACT_CHECK = "counter-contact-check";

    private final AuthorizationService authorizations;

    RoleAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void grant() {
        // what Camunda's own first-admin setup grants: everything, so admins reach every webapp
        for (Resources resource : Resources.values()) {
            grant(ADMINS, resource, "*", Permissions.ALL);
        }
        for (String group : TASKLIST_USERS) {
            grant(group, APPLICATION, "tasklist", ACCESS);
            grant(group, FILTER, "*", READ);
            grant(group, PROCESS_DEFINITION, "*", READ);
        }
        // county-wide roles read every instance (task lists show customer number, name, district);
        // district roles read only their districts' instances, granted per instance (DistrictReadGrants)
        for (String group : List.of(FEE_CONTROL_OPERATORS, LEADERS, RECONNECTION_DESK, COUNTY_DUTY)) {
            grant(group, PROCESS_DEFINITION, "*", READ_INSTANCE);
        }
        for (String group : List.of(DISTRICT_MANAGERS, FIELD_CREW)) {
            revoke(group, PROCESS_DEFINITION, "*", READ_INSTANCE); // granted by earlier versions
        }
        grant(FEE_CONTROL_OPERATORS, PROCESS_DEFINITION, ARREARS_DISCONNECTION, READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY);
        grant(FEE_CONTROL_OPERATORS, PROCESS_INSTANCE, "*", CREATE);
        grant(RECONNECTION_DESK, PROCESS_DEFINITION, EMERGENCY_RECONNECTION, READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY);
        grant(RECONNECTION_DESK, PROCESS_INSTANCE, "*", CREATE);
        grant(COUNTER_STAFF, PROCESS_DEFINITION, COUNTER_CONTACT_CHECK, READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY);
        grant(COUNTER_STAFF, PROCESS_INSTANCE, "*", CREATE);

        readOnlyCockpit(AUDITORS);
        grant(AUDITORS, OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ);
        grant(AUDITORS, TASK, "*", READ);
        readOnlyCockpit(PROCESS_DESIGNERS);
        grant(PROCESS_DESIGNERS, DEPLOYMENT, "*", READ, CREATE);
    }

    private void readOnlyCockpit(String group) {
        grant(group, APPLICATION, "cockpit", ACCESS);
        grant(group, PROCESS_DEFINITION, "*", READ, READ_INSTANCE, READ_HISTORY);
        grant(group, PROCESS_INSTANCE, "*", READ);
        grant(group, DECISION_DEFINITION, "*", READ, READ_HISTORY);
        grant(group, DECISION_REQUIREMENTS_DEFINITION, "*", READ);
        grant(group, DEPLOYMENT, "*", READ);
    }

    private void revoke(String group, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (existing != null && existing.isPermissionGranted(permission)) {
            existing.removePermission(permission);
            authorizations.saveAuthorization(existing);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean missing = Arrays.stream(permissions).anyMatch(p -> !authorization.isPermissionGranted(p));
        if (existing == null || missing) {
            Arrays.stream(permissions).forEach(authorization::addPermission);
            authorizations.saveAuthorization(authorization);
        }
    }
}
