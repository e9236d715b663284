package io.supplyguard.meter.bus;

import java.time.Duration;
import java.time.Instant;

/**
 * One transaction as it happened on the wire: the bytes sent, the bytes received, and a
 * transport failure when the port itself failed.
 */
public record Exchange(byte[] request, BusTransport.Received received, Instant startedAt, Duration duration,
                       String transportFailure) {
}
