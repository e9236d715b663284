package io.supplyguard.meter.sim;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The half-duplex line behind a simulated device server that accepts several connections: from
 * the first byte of a request until its reply has been written (or no reply is coming) the line
 * is one connection's. A request starting on another connection meanwhile is a collision — on a
 * real RS-485 line both frames would be garbled — and is counted and logged (issue 16: two nodes
 * must never talk on one bus). The colliding frame is still answered, so the count stays exact.
 */
final class SharedLine {

    private final AtomicLong collisions = new AtomicLong();
    private final FrameLog log;
    private Object holder;
    private int holds;

    SharedLine(FrameLog log) {
        this.log = log;
    }

    /** A request's first byte arrived on {@code connection}. */
    synchronized void requestStarts(Object connection, String describe) {
        if (holder != null && holder != connection) {
            collisions.incrementAndGet();
            if (log != null) {
                log.collision(Instant.now(), describe);
            }
        }
        if (holder == null) {
            holder = connection;
        }
        holds += holder == connection ? 1 : 0;
    }

    /** The connection's transaction is over: its reply is written, or none is coming. */
    synchronized void transactionEnds(Object connection) {
        if (holder == connection && --holds <= 0) {
            holder = null;
            holds = 0;
        }
    }

    long collisions() {
        return collisions.get();
    }
}
