package io.supplyguard.dispute;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;

/** Who is acting, from the engine's authentication, and whether the identity service has them in a role; variables as text. */
final class DisputeAuthority {

    private DisputeAuthority() {
    }

    static String authenticatedUser(IdentityService identity) {
        var authentication = identity.getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : null;
    }

    static String text(org.camunda.bpm.engine.delegate.VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static boolean memberOfAny(IdentityService identity, String userId, List<String> groups) {
        return userId != null && groups.stream()
                .anyMatch(g -> identity.createUserQuery().userId(userId).memberOfGroup(g).count() > 0);
    }
}
