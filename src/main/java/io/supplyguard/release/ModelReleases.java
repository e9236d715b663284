package io.supplyguard.release;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code model_release}: the held deployments, their models as deployed, and the leader's decision. */
@Repository
class ModelReleases {

    enum Status { PENDING, APPROVED, RELEASED, REJECTED }

    record Release(String deploymentId, String deploymentName, String deployedBy, OffsetDateTime deployedAt, String modelKeys,
            String changes, Status status, String releaseInstanceId, String decidedBy, OffsetDateTime decidedAt, String reason,
            String releasedDeploymentId) {
    }

    private final JdbcClient jdbc;

    ModelReleases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void hold(String deploymentId, String deploymentName, String deployedBy, OffsetDateTime deployedAt, String modelKeys,
            String changes, Map<String, byte[]> resources) {
        jdbc.sql("""
                INSERT INTO model_release (deployment_id, deployment_name, deployed_by, deployed_at, model_keys, changes, status)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING')""")
                .params(deploymentId, deploymentName, deployedBy, deployedAt, modelKeys, changes).update();
        resources.forEach((name, content) -> jdbc.sql(
                "INSERT INTO model_release_resource (deployment_id, resource_name, content) VALUES (?, ?, ?)")
                .params(deploymentId, name, new String(content, StandardCharsets.UTF_8)).update());
    }

    boolean isHeld(String deploymentId) {
        return find(deploymentId).isPresent();
    }

    void releaseTaskStarted(String deploymentId, String processInstanceId) {
        jdbc.sql("UPDATE model_release SET release_instance_id = ? WHERE deployment_id = ?").params(processInstanceId, deploymentId).update();
    }

    /** Records a leader's decision on a pending release; false when it was decided already. */
    boolean decide(String deploymentId, Status decision, String decidedBy, OffsetDateTime decidedAt, String reason) {
        return jdbc.sql("""
                UPDATE model_release SET status = ?, decided_by = ?, decided_at = ?, reason = ?
                WHERE deployment_id = ? AND status = 'PENDING'""")
                .params(decision.name(), decidedBy, decidedAt, reason, deploymentId).update() == 1;
    }

    void released(String deploymentId, String releasedDeploymentId) {
        jdbc.sql("UPDATE model_release SET status = 'RELEASED', released_deployment_id = ? WHERE deployment_id = ? AND status = 'APPROVED'")
                .params(releasedDeploymentId, deploymentId).update();
    }

    Optional<Release> find(String deploymentId) {
        return jdbc.sql("SELECT * FROM model_release WHERE deployment_id = ?").param(deploymentId).query(ModelReleases::release).optional();
    }

    Optional<Release> byReleaseInstance(String processInstanceId) {
        return jdbc.sql("SELECT * FROM model_release WHERE release_instance_id = ?").param(processInstanceId)
                .query(ModelReleases::release).optional();
    }

    List<Release> all() {
        return jdbc.sql("SELECT * FROM model_release ORDER BY deployed_at DESC, deployment_id").query(ModelReleases::release).list();
    }

    /** The held models as their author deployed them, by resource name. */
    Map<String, byte[]> resources(String deploymentId) {
        var resources = new java.util.LinkedHashMap<String, byte[]>();
        jdbc.sql("SELECT resource_name, content FROM model_release_resource WHERE deployment_id = ? ORDER BY resource_name")
                .param(deploymentId)
                .query((rs, row) -> resources.put(rs.getString(1), rs.getString(2).getBytes(StandardCharsets.UTF_8))).list();
        return resources;
    }

    private static Release release(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Release(rs.getString("deployment_id"), rs.getString("deployment_name"), rs.getString("deployed_by"),
                rs.getObject("deployed_at", OffsetDateTime.class), rs.getString("model_keys"), rs.getString("changes"),
                Status.valueOf(rs.getString("status")), rs.getString("release_instance_id"), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("reason"), rs.getString("released_deployment_id"));
    }
}
