-- Bus ownership in a cluster (issue 16): one lease row per meter bus, kept by Spring Integration's
-- JDBC lock registry (DefaultLockRepository, region 'supplyguard-buses'). The table is the library's
-- own schema (spring-integration-jdbc schema-postgresql.sql / schema-h2.sql, identical for both).
CREATE TABLE INT_LOCK (
    LOCK_KEY     CHAR(36)     NOT NULL,
    REGION       VARCHAR(100) NOT NULL,
    CLIENT_ID    CHAR(36),
    CREATED_DATE TIMESTAMP    NOT NULL,
    CONSTRAINT INT_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
);
