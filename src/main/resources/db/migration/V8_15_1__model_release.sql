-- Four-eyes release of the core models (issue 15, rule 4). Portable SQL: H2 2.x and PostgreSQL 15.

-- One row per deployment that brought a new version of a core model (the six processes,
-- disconnection-policy, model-release) from anyone but the application's own start-up: held until a
-- leader other than its author decides. Who deployed and who decided are the engine's authenticated
-- users; the instants are the server's clock.
CREATE TABLE model_release (
    deployment_id           VARCHAR(64)   NOT NULL PRIMARY KEY,
    deployment_name         VARCHAR(255),
    deployed_by             VARCHAR(64),
    deployed_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    model_keys              VARCHAR(1000) NOT NULL,
    changes                 VARCHAR(1000000) NOT NULL,
    status                  VARCHAR(16)   NOT NULL,
    release_instance_id     VARCHAR(64),
    decided_by              VARCHAR(64),
    decided_at              TIMESTAMP WITH TIME ZONE,
    reason                  VARCHAR(1000),
    released_deployment_id  VARCHAR(64),
    CONSTRAINT ck_model_release_status CHECK (status IN ('PENDING', 'APPROVED', 'RELEASED', 'REJECTED'))
);
CREATE INDEX ix_model_release_instance ON model_release (release_instance_id);

-- The held models as their author deployed them (the engine keeps a copy under a held key,
-- "<key>.awaiting-release", that nothing starts): what a release deploys.
CREATE TABLE model_release_resource (
    deployment_id   VARCHAR(64)   NOT NULL REFERENCES model_release (deployment_id),
    resource_name   VARCHAR(255)  NOT NULL,
    content         VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (deployment_id, resource_name)
);
