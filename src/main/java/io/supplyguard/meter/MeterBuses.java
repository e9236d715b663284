package io.supplyguard.meter;

import io.supplyguard.meter.bus.BusWorker;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The buses this process owns, each with its worker and reply timeout. */
final class MeterBuses implements AutoCloseable {

    private final Map<String, Entry> buses = new LinkedHashMap<>();

    void add(BusWorker worker, Duration replyTimeout) {
        buses.put(worker.busId(), new Entry(worker, replyTimeout));
    }

    java.util.List<String> ids() {
        return java.util.List.copyOf(buses.keySet());
    }

    BusWorker worker(String busId) {
        return entry(busId).worker();
    }

    Duration replyTimeout(String busId) {
        return entry(busId).replyTimeout();
    }

    private Entry entry(String busId) {
        Entry entry = buses.get(busId);
        if (entry == null) {
            throw new MeterBusUnavailableException("no meter bus '" + busId + "' is configured (configured: " + buses.keySet() + ")");
        }
        return entry;
    }

    @Override
    public void close() {
        buses.values().forEach(e -> e.worker().close());
    }

    private record Entry(BusWorker worker, Duration replyTimeout) {
    }
}
