package io.supplyguard.release;

/** Variables of process {@code model-release}; the form's inputs are {@link #RELEASE_DECISION} and {@link #RELEASE_REASON}. */
final class ModelReleaseVariables {

    static final String RELEASE_DEPLOYMENT_NAME = "releaseDeploymentName";
    static final String RELEASE_MODELS = "releaseModels";
    static final String RELEASE_DEPLOYED_BY = "releaseDeployedBy";
    static final String RELEASE_DEPLOYED_AT = "releaseDeployedAt";
    static final String RELEASE_CHANGES = "releaseChanges";
    static final String RELEASE_DECISION = "releaseDecision";
    static final String RELEASE_REASON = "releaseReason";
    static final String RELEASED_DEPLOYMENT_ID = "releasedDeploymentId";

    private ModelReleaseVariables() {
    }
}
