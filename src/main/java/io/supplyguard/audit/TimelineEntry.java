package io.supplyguard.audit;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One thing that happened to a customer: a process started or ended, a task completed, a
 * switching kernel decision (allowed or refused, with its reason), a meter command, an SMS, a
 * dispute recorded or resolved. {@code details} carries what an auditor needs to judge it (decision, reason,
 * frames, outcome).
 */
public record TimelineEntry(
        OffsetDateTime at,
        Kind kind,
        String title,
        String actor,
        String processInstanceId,
        Map<String, Object> details) {

    /** In this order when two entries share a time: a start before its steps, an end after them. */
    public enum Kind { PROCESS_STARTED, DISPUTE_RECORDED, TASK_COMPLETED, SWITCHING_DECISION, METER_COMMAND, SMS, DISPUTE_RESOLVED,
        PROCESS_ENDED }
}
