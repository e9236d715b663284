package io.supplyguard.meter;

import io.supplyguard.meter.bus.BusWorker;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The buses of this process, each with its worker and reply timeout. A bus is either open here
 * (its worker holds the port or connection) or only configured: in a cluster its owner elsewhere
 * has it open ({@link BusLeases}), and a command for it here is refused rather than sent.
 */
final class MeterBuses implements AutoCloseable {

    private final Map<String, Configured> configured = new LinkedHashMap<>();
    private final Map<String, BusWorker> open = new LinkedHashMap<>();

    /** A bus open at once and for good (tools, tests, a process that owns every bus). */
    synchronized void add(BusWorker worker, Duration replyTimeout) {
        configured.put(worker.busId(), new Configured(() -> worker, replyTimeout));
        open.put(worker.busId(), worker);
    }

    /** A bus opened only while this node owns it. */
    synchronized void configure(String busId, Supplier<BusWorker> opener, Duration replyTimeout) {
        configured.put(busId, new Configured(opener, replyTimeout));
    }

    /** Opens the port or connection of a configured bus (idempotent). */
    synchronized void open(String busId) {
        if (!open.containsKey(busId)) {
            open.put(busId, configured(busId).opener().get());
        }
    }

    /** Closes it: the worker refuses what still waits, the port or connection is released. */
    void close(String busId) {
        BusWorker worker;
        synchronized (this) {
            worker = open.remove(busId);
        }
        if (worker != null) {
            worker.close();
        }
    }

    synchronized boolean isOpen(String busId) {
        return open.containsKey(busId);
    }

    synchronized List<String> ids() {
        return List.copyOf(configured.keySet());
    }

    synchronized BusWorker worker(String busId) {
        BusWorker worker = open.get(busId);
        if (worker == null) {
            configured(busId);
            throw new BusNotOwnedException(busId);
        }
        return worker;
    }

    synchronized Duration replyTimeout(String busId) {
        return configured(busId).replyTimeout();
    }

    private Configured configured(String busId) {
        Configured bus = configured.get(busId);
        if (bus == null) {
            throw new MeterBusUnavailableException("no meter bus '" + busId + "' is configured (configured: " + configured.keySet() + ")");
        }
        return bus;
    }

    @Override
    public void close() {
        List.copyOf(open.keySet()).forEach(this::close);
    }

    private record Configured(Supplier<BusWorker> opener, Duration replyTimeout) {
    }
}
