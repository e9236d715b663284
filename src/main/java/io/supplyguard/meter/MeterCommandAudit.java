package io.supplyguard.meter;

import java.time.Instant;
import java.util.List;

/** The audit of every meter command: who asked, what went over the wire, and what came of it. */
public interface MeterCommandAudit {

    /** Commands to the meter at this communication address, oldest first, with their frames. */
    List<MeterCommandRecord> listForMeter(String address);

    /**
     * Switching commands that started before {@code startedBefore} and never got an outcome (the
     * node died or the bus failed while they ran), not reconciled yet; {@code controlFrameQueued}
     * tells whether the control frame may have gone out.
     */
    List<UnfinishedCommand> unfinishedSwitching(Instant startedBefore);

    void markReconciled(long commandId, String reason, Instant at);

    record UnfinishedCommand(long id, String busId, String address, String meterNo, String command,
                             String processInstanceId, String activityId, boolean controlFrameQueued) {
    }

    record MeterCommandRecord(long id, String busId, String address, String meterNo, String command,
                              String outcome, String reason, Instant startedAt, Long durationMillis,
                              String userId, String processInstanceId, String activityId,
                              List<MeterFrameRecord> frames) {
    }

    /** One transaction on the bus; {@code replyHex} holds everything received, wake-up bytes included. */
    record MeterFrameRecord(String step, int attempt, String requestHex, String replyHex, String result,
                            Instant startedAt, long durationMillis) {
    }
}
