package io.supplyguard.meter;

import java.time.Duration;

/**
 * How the driver treats every bus: read-back confirmation, retries for lost or garbled replies,
 * and the validity window of control commands.
 */
record MeterSettings(Duration confirmTimeout, Duration confirmPollInterval, Duration deadlineWindow,
                     int retries, Duration retryBackoff) {

    static MeterSettings defaults() {
        return new MeterSettings(Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofMinutes(5), 2,
                Duration.ofMillis(200));
    }

    /** Backoff before retry {@code attempt} (1-based): doubles each time. */
    Duration backoffBefore(int attempt) {
        return retryBackoff.multipliedBy(1L << Math.min(attempt - 1, 10));
    }
}
