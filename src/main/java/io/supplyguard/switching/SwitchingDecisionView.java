package io.supplyguard.switching;

import java.time.OffsetDateTime;

/** One decision of the switching kernel, for the customer's timeline. */
public record SwitchingDecisionView(String processInstanceId, String activityId, String meterNo, String command,
        boolean allowed, String reasonCode, String detail, OffsetDateTime decidedAt) {
}
