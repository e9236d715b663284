package io.supplyguard.switching;

import io.supplyguard.meter.CommandOutcome;
import io.supplyguard.meter.CommandResult;

/**
 * What came of a request: refused before anything was sent ({@code refusal} set, {@code result}
 * null), or the meter command's result (which is {@code REFUSED} when the last-moment check
 * withdrew the control frame; {@code refusal} then says why).
 */
public record SwitchingOutcome(Refusal refusal, CommandResult result) {

    public boolean refused() {
        return refusal != null;
    }

    /** As a meter command result: a refusal before anything was sent is {@code REFUSED} with its reason. */
    public CommandResult asResult() {
        return result != null ? result : new CommandResult(CommandOutcome.REFUSED, refusal.toString(), null, null, null, null);
    }
}
