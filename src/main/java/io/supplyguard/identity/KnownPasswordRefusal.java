package io.supplyguard.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the demo, SupplyGuard does not start while a user has a default or well-known password:
 * the user's own id (the demo's convention), a demo user's id, or one of the usual defaults. Checked
 * once the engine is built and before the web server opens, against the stored hashes (not through
 * {@link IdentityService#checkPassword}, which would count failed logins and lock the users out).
 */
@Component
@Profile("!demo")
class KnownPasswordRefusal implements SmartInitializingSingleton {

    /** Passwords anyone would try first; the demo users' ids are among them. */
    static final Set<String> KNOWN = Set.of("admin", "demo", "camunda", "password", "123456", "12345678", "111111",
            "changeme", "supplyguard", "operator", "leader", "manager", "manager3", "desk", "duty", "crew", "auditor",
            "designer", "billing", "service", "sa", "");

    private final ProcessEngine engine;

    KnownPasswordRefusal(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> weak = new ArrayList<>();
        for (User user : engine.getIdentityService().createUserQuery().list()) {
            if (user instanceof UserEntity stored && hasKnownPassword(stored)) {
                weak.add(user.getId());
            }
        }
        if (!weak.isEmpty()) {
            throw new IllegalStateException("refusing to start: user(s) " + weak + " have a default or well-known password "
                    + "(their user id, a demo password or a usual default). Change them in Camunda Admin under the demo "
                    + "profile, or start with CAMUNDA_BPM_ADMINUSER_PASSWORD set to a strong one on a fresh database.");
        }
    }

    private boolean hasKnownPassword(UserEntity user) {
        if (user.getPassword() == null) {
            return false;
        }
        var passwords = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordManager();
        return Stream.concat(KNOWN.stream(), Stream.of(user.getId(), user.getId().toLowerCase()))
                .anyMatch(candidate -> passwords.check(EncryptionUtil.saltPassword(candidate, user.getSalt()), user.getPassword()));
    }
}
