package io.supplyguard.release;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * Which deployments may bring a core model into use without a leader: the application's own
 * auto-deployment while it starts (no authenticated user, the auto-deployment's name, before the
 * application has started), and the release of an approved version. Everything else is held: a
 * request over {@code /engine-rest}, the Java API on anyone's behalf, code deploying after start-up.
 */
final class DeploymentTrust {

    private static final ThreadLocal<Boolean> RELEASING = ThreadLocal.withInitial(() -> false);

    private final String autoDeploymentName;
    private volatile boolean started;

    DeploymentTrust(String autoDeploymentName) {
        this.autoDeploymentName = autoDeploymentName;
    }

    void applicationStarted() {
        started = true;
    }

    boolean trusts(DeploymentEntity deployment, String authenticatedUser) {
        if (RELEASING.get()) {
            return true;
        }
        return authenticatedUser == null && !started && autoDeploymentName != null && autoDeploymentName.equals(deployment.getName());
    }

    /** Runs the deployment of an approved release. */
    static <T> T releasing(Supplier<T> deployment) {
        RELEASING.set(true);
        try {
            return deployment.get();
        } finally {
            RELEASING.remove();
        }
    }
}
