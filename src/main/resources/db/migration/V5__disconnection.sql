-- One running arrears disconnection per customer, guaranteed by the primary key: the row is
-- inserted in the transaction that starts the process and deleted when the process ends.
CREATE TABLE active_disconnection (
    customer_no          VARCHAR(16) NOT NULL PRIMARY KEY REFERENCES customer (customer_no),
    process_instance_id  VARCHAR(64) NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    trigger_source       VARCHAR(40) NOT NULL
);
