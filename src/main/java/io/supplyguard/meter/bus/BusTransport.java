package io.supplyguard.meter.bus;

import java.io.IOException;
import java.time.Duration;

/** One request/reply transaction on a bus. Not thread-safe: its {@link BusWorker} serialises calls. */
public interface BusTransport extends AutoCloseable {

    /**
     * Sends the request bytes and collects the reply until a whole frame has arrived (from its
     * length byte) or {@code replyTimeout} has passed.
     *
     * @throws IOException when the port or connection itself fails
     */
    Received exchange(byte[] request, Duration replyTimeout) throws IOException;

    String describe();

    @Override
    void close();

    /** What came back: {@code complete} when a frame's last byte was seen (it may still be garbled). */
    record Received(byte[] bytes, boolean complete) {
        public static Received nothing() {
            return new Received(new byte[0], false);
        }
    }
}
