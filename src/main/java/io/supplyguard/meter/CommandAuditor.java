package io.supplyguard.meter;

import io.supplyguard.meter.MeterCommandAudit.MeterFrameRecord;

/** Where a command's audit goes as it runs: opened before the first frame, one row per frame, closed with the outcome. */
interface CommandAuditor {

    long begin(String busId, String address, String meterNo, String command, Requester requester);

    /**
     * Written before the request is queued on the bus (and committed: a kill after the frame went
     * out cannot erase it); {@link #frameDone} completes the row with what came back.
     */
    long frameQueued(long commandId, String step, int attempt, String requestHex);

    void frameDone(long frameId, MeterFrameRecord frame);

    default void frame(long commandId, MeterFrameRecord frame) {
        frameDone(frameQueued(commandId, frame.step(), frame.attempt(), frame.requestHex()), frame);
    }

    /** {@code outcome} null: the command ended without one (a technical failure, in {@code reason}). */
    void finish(long commandId, CommandOutcome outcome, String reason, long durationMillis);
}
