package io.supplyguard.meter.bus;

import io.supplyguard.meter.dlt645.FrameReceiver;
import java.io.IOException;
import java.time.Duration;

/** Request/reply over a byte link: write, then read until the frame's length says it is complete. */
public final class LinkTransport implements BusTransport {

    private final ByteLink link;

    public LinkTransport(ByteLink link) {
        this.link = link;
    }

    @Override
    public Received exchange(byte[] request, Duration replyTimeout) throws IOException {
        link.discardInput();
        link.write(request);
        long deadline = System.nanoTime() + replyTimeout.toNanos();
        FrameReceiver receiver = new FrameReceiver();
        byte[] buffer = new byte[256];
        while (!receiver.isComplete() && System.nanoTime() < deadline) {
            int n = link.read(buffer);
            if (n > 0) {
                receiver.feed(buffer, 0, n);
            }
        }
        return new Received(receiver.received(), receiver.isComplete());
    }

    @Override
    public String describe() {
        return link.describe();
    }

    @Override
    public void close() {
        link.close();
    }
}
