package io.supplyguard.meter;

/** A value read from a meter, or the classified reason there is none. */
record Answer<T>(T value, CommandOutcome failure, String reason) {

    static <T> Answer<T> of(T value) {
        return new Answer<>(value, null, null);
    }

    static <T> Answer<T> failed(CommandOutcome failure, String reason) {
        return new Answer<>(null, failure, reason);
    }

    boolean ok() {
        return failure == null;
    }

    /** Worth sending again: the request or its reply was lost or damaged on the line. */
    boolean retryable() {
        return failure == CommandOutcome.NO_RESPONSE || failure == CommandOutcome.CORRUPT_REPLY;
    }

    <U> Answer<U> asFailure() {
        return failed(failure, reason);
    }
}
