package io.supplyguard.meter.bus;

import io.supplyguard.meter.dlt645.FrameReceiver;
import java.time.Duration;

/**
 * A bus inside the JVM, answered by a {@link WireResponder}. Replies that would arrive after
 * the reply timeout are lost as on a real bus; a silent meter costs no waiting, which keeps
 * process tests fast.
 */
public final class InMemoryTransport implements BusTransport {

    private final String busId;
    private final WireResponder responder;

    public InMemoryTransport(String busId, WireResponder responder) {
        this.busId = busId;
        this.responder = responder;
    }

    @Override
    public Received exchange(byte[] request, Duration replyTimeout) {
        WireResponder.Response response = responder.respond(request.clone());
        boolean late = response.delay().compareTo(replyTimeout) > 0;
        sleep(late ? replyTimeout : response.delay());
        if (late || response.bytes().length == 0) {
            return Received.nothing();
        }
        FrameReceiver receiver = new FrameReceiver();
        receiver.feed(response.bytes(), 0, response.bytes().length);
        return new Received(receiver.received(), receiver.isComplete());
    }

    private static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String describe() {
        return "in-memory simulator " + busId;
    }

    @Override
    public void close() {
        // nothing held
    }
}
