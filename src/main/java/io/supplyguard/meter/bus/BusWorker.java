package io.supplyguard.meter.bus;

import io.supplyguard.meter.BusNotOwnedException;
import io.supplyguard.meter.MeterBusUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns a bus: RS-485 is half duplex, so exactly one transaction runs at a
 * time. Waiting transactions are ordered by {@link Priority}, then by arrival; the queue is
 * bounded and refuses with a clear error when full. In a cluster a {@link LineGuard} is asked
 * before every transaction whether this node still owns the line; if not, nothing is sent.
 */
public final class BusWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BusWorker.class);

    private final String busId;
    private final BusTransport transport;
    private final int capacity;
    private final LineGuard guard;
    private final PriorityBlockingQueue<Job> queue = new PriorityBlockingQueue<>();
    private final AtomicLong arrivals = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public BusWorker(String busId, BusTransport transport, int capacity) {
        this(busId, transport, capacity, LineGuard.ALWAYS);
    }

    public BusWorker(String busId, BusTransport transport, int capacity, LineGuard guard) {
        this.busId = busId;
        this.transport = transport;
        this.capacity = capacity;
        this.guard = guard;
        this.thread = new Thread(this::run, "meter-bus-" + busId);
        thread.setDaemon(true);
        thread.start();
    }

    public String busId() {
        return busId;
    }

    public String describe() {
        return transport.describe();
    }

    /** Queues one transaction; the future completes when it has run on the bus. */
    public CompletableFuture<Exchange> submit(Priority priority, byte[] request, Duration replyTimeout) {
        return submit(priority, request, replyTimeout, null, null);
    }

    /**
     * Queues one transaction with a late check: if it waited longer than {@code lateAfter}, the
     * check is asked again right before sending, and a refusal withdraws it unsent.
     */
    public CompletableFuture<Exchange> submit(Priority priority, byte[] request, Duration replyTimeout, Duration lateAfter,
                                              Supplier<Optional<String>> lateCheck) {
        Job job = new Job(priority, arrivals.incrementAndGet(), request, replyTimeout, System.nanoTime(), lateAfter, lateCheck,
                new CompletableFuture<>());
        synchronized (queue) {
            if (!running) {
                throw new MeterBusUnavailableException("bus " + busId + " is shut down");
            }
            if (queue.size() >= capacity) {
                throw new MeterBusUnavailableException("bus " + busId + " queue is full (" + capacity
                        + " transactions waiting); try again later");
            }
            queue.add(job);
        }
        return job.result;
    }

    public int waiting() {
        return queue.size();
    }

    private void run() {
        while (running) {
            Job job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                break;
            }
            try {
                if (!guard.mayTalk()) {
                    // the lease is gone (or being taken over): another node may be on the line now
                    job.result.completeExceptionally(new BusNotOwnedException(busId));
                    continue;
                }
                job.result.complete(execute(job));
            } catch (Throwable fatal) {
                // a caller blocks on this future: it must never be left pending
                job.result.completeExceptionally(fatal);
                throw fatal;
            }
        }
        synchronized (queue) {
            queue.forEach(job -> job.result.completeExceptionally(new MeterBusUnavailableException("bus " + busId + " shut down")));
            queue.clear();
        }
    }

    private Exchange execute(Job job) {
        if (job.lateCheck != null && System.nanoTime() - job.queuedNanos > job.lateAfter.toNanos()) {
            Optional<String> refusal = job.lateCheck.get();
            if (refusal.isPresent()) {
                return Exchange.withdrawn(job.request, refusal.get());
            }
        }
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        try {
            BusTransport.Received received = transport.exchange(job.request, job.replyTimeout);
            return new Exchange(job.request, received, started, Duration.ofNanos(System.nanoTime() - t0), null);
        } catch (IOException | RuntimeException e) {
            log.warn("bus {} ({}): transaction failed: {}", busId, transport.describe(), e.toString());
            return new Exchange(job.request, BusTransport.Received.nothing(), started,
                    Duration.ofNanos(System.nanoTime() - t0), e.toString());
        }
    }

    @Override
    public void close() {
        synchronized (queue) {
            running = false;
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transport.close();
    }

    private record Job(Priority priority, long arrival, byte[] request, Duration replyTimeout, long queuedNanos,
                       Duration lateAfter, Supplier<Optional<String>> lateCheck, CompletableFuture<Exchange> result) implements Comparable<Job> {

        @Override
        public int compareTo(Job other) {
            int byPriority = priority.compareTo(other.priority);
            return byPriority != 0 ? byPriority : Long.compare(arrival, other.arrival);
        }
    }
}
