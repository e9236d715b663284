package io.supplyguard.meter.bus;

import java.time.Duration;
import java.time.Instant;

/**
 * One transaction as it happened on the wire: the bytes sent, the bytes received, and a
 * transport failure when the port itself failed. {@code withdrawn} is set (and nothing was sent)
 * when the request waited too long in the queue and its late check refused it.
 */
public record Exchange(byte[] request, BusTransport.Received received, Instant startedAt, Duration duration,
                       String transportFailure, String withdrawn) {

    public Exchange(byte[] request, BusTransport.Received received, Instant startedAt, Duration duration,
                    String transportFailure) {
        this(request, received, startedAt, duration, transportFailure, null);
    }

    static Exchange withdrawn(byte[] request, String reason) {
        return new Exchange(request, BusTransport.Received.nothing(), Instant.now(), Duration.ZERO, null, reason);
    }
}
