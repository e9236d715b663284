package io.supplyguard.meter;

import java.math.BigDecimal;

/**
 * What a meter command came to. {@code status} is the last status word read (null when none
 * could be read); {@code meterNo} and {@code remainingMoney} are set by the matching reads;
 * {@code auditId} points at the command's audit record with its frames.
 */
public record CommandResult(
        CommandOutcome outcome,
        String reason,
        RelayStatus status,
        String meterNo,
        BigDecimal remainingMoney,
        Long auditId) {

    public boolean succeeded() {
        return outcome.succeeded();
    }
}
