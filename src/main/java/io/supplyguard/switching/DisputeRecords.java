package io.supplyguard.switching;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Implemented by the dispute module: the customer's disputes as recorded, for the trip decision.
 * While one is open no trip is sent; one upheld during the disconnection ends it; one rejected
 * during it needs a notice that is still valid.
 */
public interface DisputeRecords {

    /** The customer's disputes, oldest first. */
    List<DisputeState> of(String customerNo);

    record DisputeState(long id, String kind, String status, OffsetDateTime recordedAt, OffsetDateTime resolvedAt) {

        public boolean open() {
            return "OPEN".equals(status);
        }

        boolean resolvedSince(OffsetDateTime since, String outcome) {
            return outcome.equals(status) && resolvedAt != null && !resolvedAt.isBefore(since);
        }
    }
}
