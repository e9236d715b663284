package io.supplyguard.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** Idempotent creation of groups, users and memberships in Camunda's identity service. */
@Service
public class IdentityDirectory {

    private final IdentityService identity;

    IdentityDirectory(IdentityService identity) {
        this.identity = identity;
    }

    /** Creates every role group that does not exist yet. */
    public void ensureRoleGroups() {
        for (Roles.Role role : Roles.ALL) {
            ensureGroup(role.groupId(), role.name(), "WORKFLOW");
        }
    }

    public void ensureGroup(String groupId, String name, String type) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    /** Creates the user if missing (an existing user keeps the password it has). */
    public void ensureUser(String userId, String firstName, String lastName, String password, String... groupIds) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setPassword(password);
            user.setEmail(userId + "@supplyguard.example");
            identity.saveUser(user);
        }
        for (String groupId : groupIds) {
            if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
                identity.createMembership(userId, groupId);
            }
        }
    }

    /** The district's manager and field-crew groups, created when a process first needs them. */
    public void ensureDistrictGroups(String district) {
        ensureGroup(Roles.districtManagersOf(district), "台区经理 " + district, "WORKFLOW");
        ensureGroup(Roles.fieldCrewOf(district), "现场作业人员 " + district, "WORKFLOW");
    }
}
