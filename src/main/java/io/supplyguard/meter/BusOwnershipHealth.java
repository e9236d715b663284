package io.supplyguard.meter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Which node owns which bus, for operators: health component {@code busOwnership} (this node's
 * name and every bus's state here: OWNED, OWNED_ELSEWHERE, TAKING_OVER, ...) and the gauge
 * {@code supplyguard.bus.owned{bus,node}} — 1 on the one node that owns the bus, 0 elsewhere.
 * A node owning no bus is healthy: in a cluster the others may own them all.
 */
final class BusOwnershipHealth implements HealthIndicator, MeterBinder {

    private final BusOwnership ownership;

    BusOwnershipHealth(BusOwnership ownership) {
        this.ownership = ownership;
    }

    @Override
    public Health health() {
        Map<String, Object> buses = new LinkedHashMap<>();
        ownership.buses().forEach(b -> buses.put(b.busId(), Map.of("ownership", b.ownership().name(), "since", b.since().toString())));
        return Health.up().withDetail("node", ownership.node()).withDetail("buses", buses).build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (BusOwnership.BusState bus : ownership.buses()) {
            Gauge.builder("supplyguard.bus.owned", ownership, o -> o.owns(bus.busId()) ? 1 : 0)
                    .description("1 while this node owns the meter bus (holds its lease and its line)")
                    .tag("bus", bus.busId()).tag("node", ownership.node()).register(registry);
        }
    }
}
