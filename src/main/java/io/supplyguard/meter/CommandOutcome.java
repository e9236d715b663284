package io.supplyguard.meter;

/** The closed set of answers a meter command can have. */
public enum CommandOutcome {
    /** Done, and the read-back shows the intended state. */
    CONFIRMED,
    /** The meter was already in the intended state; nothing was switched. */
    ALREADY_IN_STATE,
    /** The meter answered with an abnormal reply (reason in the result). */
    REJECTED,
    /** No reply within the timeout after the configured retries. */
    NO_RESPONSE,
    /** Replies were garbled (checksum, framing, length) after the configured retries. */
    CORRUPT_REPLY,
    /** A reply from another address, or the meter's own number differs from the registry. */
    WRONG_METER,
    /** The meter acknowledged but the relay did not reach the intended state in time. */
    NOT_CONFIRMED,
    /** A trip refused because the meter's power guarantee is on. */
    GUARANTEED,
    /** The switching kernel refused at the last moment: no control frame went out. */
    REFUSED;

    public boolean succeeded() {
        return this == CONFIRMED || this == ALREADY_IN_STATE;
    }
}
