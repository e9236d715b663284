package io.supplyguard.meter;

import java.util.Optional;

/**
 * The switching kernel's last word on a control frame: asked immediately before the 1CH frame is
 * queued on the bus (after the meter number and status were read), and again by the bus owner
 * when the frame has waited in the queue too long. Empty means send; otherwise the reason the
 * frame must not go out (the command ends {@link CommandOutcome#REFUSED}).
 */
@FunctionalInterface
public interface SendGuard {

    /** Commissioning and meter tests: nothing to decide beyond the meter's own number. */
    SendGuard NONE = Optional::empty;

    Optional<String> refusal();
}
