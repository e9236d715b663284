package io.supplyguard.meter;

import io.supplyguard.meter.MeterCommandAudit.MeterFrameRecord;

/** Where a command's audit goes as it runs: opened before the first frame, one row per frame, closed with the outcome. */
interface CommandAuditor {

    long begin(String busId, String address, String meterNo, String command, Requester requester);

    void frame(long commandId, MeterFrameRecord frame);

    /** {@code outcome} null: the command ended without one (a technical failure, in {@code reason}). */
    void finish(long commandId, CommandOutcome outcome, String reason, long durationMillis);
}
