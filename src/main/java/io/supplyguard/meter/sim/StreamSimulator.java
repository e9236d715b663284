package io.supplyguard.meter.sim;

import io.supplyguard.meter.bus.ByteLink;
import io.supplyguard.meter.bus.WireResponder;
import io.supplyguard.meter.dlt645.FrameReceiver;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a simulated bus over a byte link (the far end of a pseudo-terminal, a TCP
 * connection): collects request frames, waits the reply's delay (a pty carries bytes at no
 * baud rate), and writes the reply at once or byte by byte as a slow UART would deliver it.
 */
public final class StreamSimulator implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StreamSimulator.class);
    /** A half-received frame older than this is line noise: start hunting for 68H again. */
    private static final long INTER_FRAME_GAP_NANOS = Duration.ofMillis(500).toNanos();

    private final ByteLink link;
    private final WireResponder bus;
    private final boolean byteByByte;
    private final SharedLine line;
    private volatile boolean running = true;

    public StreamSimulator(ByteLink link, WireResponder bus, boolean byteByByte) {
        this(link, bus, byteByByte, null);
    }

    StreamSimulator(ByteLink link, WireResponder bus, boolean byteByByte, SharedLine line) {
        this.link = link;
        this.bus = bus;
        this.byteByByte = byteByByte;
        this.line = line;
    }

    @Override
    public void run() {
        FrameReceiver receiver = new FrameReceiver();
        byte[] buffer = new byte[256];
        long lastByte = System.nanoTime();
        try {
            while (running) {
                int n = link.read(buffer);
                long now = System.nanoTime();
                if (n == 0) {
                    if (receiver.hasStarted() && now - lastByte > INTER_FRAME_GAP_NANOS) {
                        receiver = new FrameReceiver();
                        if (line != null) {
                            line.transactionEnds(this);
                        }
                    }
                    continue;
                }
                lastByte = now;
                boolean starts = !receiver.hasStarted();
                receiver.feed(buffer, 0, n);
                if (starts && receiver.hasStarted() && line != null) {
                    line.requestStarts(this, link.describe());
                }
                if (receiver.isComplete()) {
                    try {
                        answer(receiver.received());
                    } finally {
                        if (line != null) {
                            line.transactionEnds(this);
                        }
                    }
                    receiver = new FrameReceiver();
                }
            }
        } catch (IOException e) {
            if (running) {
                log.info("simulator link {} closed: {}", link.describe(), e.getMessage());
            }
        } finally {
            if (line != null) {
                line.transactionEnds(this);
            }
            link.close();
        }
    }

    public void stop() {
        running = false;
    }

    private void answer(byte[] request) throws IOException {
        WireResponder.Response response = bus.respond(request);
        if (response.bytes().length == 0) {
            return;
        }
        pause(response.delay());
        if (!byteByByte) {
            link.write(response.bytes());
            return;
        }
        for (byte b : response.bytes()) {
            link.write(new byte[] {b});
            pause(Duration.ofMillis(1));
        }
    }

    private void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
