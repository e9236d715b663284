package io.supplyguard.meter;

/**
 * The command could not be put on its bus: unknown bus, queue full, port gone. A technical
 * failure (the job is retried, then becomes an incident), not an answer from the meter.
 */
public class MeterBusUnavailableException extends RuntimeException {

    public MeterBusUnavailableException(String message) {
        super(message);
    }

    public MeterBusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
