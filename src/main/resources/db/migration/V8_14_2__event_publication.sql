-- Spring Modulith's event publication registry (issue 14 item 7): every after-commit listener's
-- publication is written in the publishing transaction (a payment's booking, an SMS receipt)
-- and deleted once the listener completed, so a crash between a booked payment and its
-- reconnection or correlation leaves the publication here, republished at the next start.
-- Portable form of the library's H2/PostgreSQL schema (1.4).
CREATE TABLE event_publication (
    id                UUID          NOT NULL PRIMARY KEY,
    listener_id       VARCHAR(512)  NOT NULL,
    event_type        VARCHAR(512)  NOT NULL,
    serialized_event  VARCHAR(4000) NOT NULL,
    publication_date  TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_event_publication_completion ON event_publication (completion_date);
CREATE INDEX ix_event_publication_listener ON event_publication (listener_id);
