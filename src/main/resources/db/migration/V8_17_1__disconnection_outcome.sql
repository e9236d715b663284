-- The recorded outcome of every arrears disconnection (issue 17: disconnections by outcome in the
-- KPIs), written by the outcome listener in the transaction that ends the instance, with the
-- server's clock. Portable SQL: H2 2.x and PostgreSQL 15.
CREATE TABLE disconnection_outcome (
    process_instance_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    customer_no          VARCHAR(16)  NOT NULL,
    outcome              VARCHAR(30)  NOT NULL,
    recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_disconnection_outcome_recorded ON disconnection_outcome (recorded_at);
