package io.supplyguard.meter;

import io.supplyguard.meter.bus.BusWorker;
import io.supplyguard.meter.bus.InMemoryTransport;
import io.supplyguard.meter.sim.SimulatedMeters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A driver on two in-memory simulated buses with short timeouts, no Spring. */
final class SimulatedBusFixture implements AutoCloseable {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-11-28T06:30:00Z");
    static final Duration REPLY_TIMEOUT = Duration.ofMillis(150);

    final Clock clock;
    final SimulatedMeters simulation;
    final MeterBuses buses = new MeterBuses();
    final InMemoryCommandAudit audit = new InMemoryCommandAudit();
    final BusMeterControl control;

    SimulatedBusFixture() {
        this(Clock.fixed(NOW, SHANGHAI), Clock.fixed(NOW, SHANGHAI));
    }

    SimulatedBusFixture(Clock driverClock, Clock meterClock) {
        this.clock = driverClock;
        simulation = new SimulatedMeters(meterClock, List.of("bus-1", "bus-2"));
        for (String bus : List.of("bus-1", "bus-2")) {
            buses.add(new BusWorker(bus, new InMemoryTransport(bus, simulation.bus(bus)), 100), REPLY_TIMEOUT);
        }
        control = new BusMeterControl(buses, audit, driverClock, new MeterSettings(Duration.ofMillis(300),
                Duration.ofMillis(50), Duration.ofMinutes(5), 2, Duration.ofMillis(5)));
    }

    static MeterTarget target(String address) {
        return new MeterTarget("bus-1", address, address, "02", "000000", "00000000");
    }

    @Override
    public void close() {
        buses.close();
    }
}
