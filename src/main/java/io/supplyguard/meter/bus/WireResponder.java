package io.supplyguard.meter.bus;

import java.time.Duration;

/** Whatever answers on the far end of an in-memory bus (the simulator). */
public interface WireResponder {

    /** The reply to the request bytes and how long after the request it would arrive. */
    Response respond(byte[] request);

    /** {@code bytes} empty: the meter stays silent. */
    record Response(byte[] bytes, Duration delay) {

        public static Response silent() {
            return new Response(new byte[0], Duration.ZERO);
        }
    }
}
