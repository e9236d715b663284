-- SMS outbox and history: every message sent to a customer, the gateway that took it and the
-- delivery receipt. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.
CREATE TABLE sms_message (
    message_id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    customer_no          VARCHAR(16)   NOT NULL REFERENCES customer (customer_no),
    phone                VARCHAR(20)   NOT NULL,
    template             VARCHAR(40)   NOT NULL,
    body                 VARCHAR(1000) NOT NULL,
    process_instance_id  VARCHAR(64),
    gateway              VARCHAR(10)   NOT NULL,
    gateway_ref          VARCHAR(100),
    status               VARCHAR(10)   NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_at          TIMESTAMP WITH TIME ZONE,
    failure_reason       VARCHAR(200),
    CONSTRAINT ck_sms_status CHECK (status IN ('SENT', 'DELIVERED', 'FAILED')),
    CONSTRAINT ck_sms_gateway CHECK (gateway IN ('EMBEDDED', 'HTTP'))
);
CREATE INDEX ix_sms_customer ON sms_message (customer_no, created_at);
