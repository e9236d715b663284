package io.supplyguard.demo;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.RelayState;
import io.supplyguard.meter.MeterSimulation;
import io.supplyguard.identity.IdentityDirectory;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile (active when no profile is chosen): demo users for every role and about 200
 * customers. Idempotent: existing users and customers are left as they are, so a restart
 * neither duplicates nor resets what a newcomer has done since.
 */
@Component
@Profile("demo")
class DemoDataSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final IdentityDirectory identity;
    private final CustomerRegistry registry;
    private final Clock clock;
    private final ObjectProvider<MeterSimulation> meterSimulation;

    DemoDataSeeder(IdentityDirectory identity, CustomerRegistry registry, Clock clock,
                   ObjectProvider<MeterSimulation> meterSimulation) {
        this.identity = identity;
        this.registry = registry;
        this.clock = clock;
        this.meterSimulation = meterSimulation;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void seed() {
        identity.ensureRoleGroups();
        for (String district : DemoCustomers.DISTRICTS) {
            identity.ensureDistrictGroups(district);
        }
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            identity.ensureUser(user.id(), user.firstName(), user.lastName(), user.id(), user.groupIds());
        }
        int created = 0;
        for (var customer : DemoCustomers.all(LocalDate.now(clock))) {
            if (registry.find(customer.customerNo()).isEmpty()) {
                registry.register(customer);
                created++;
            }
        }
        log.info("Demo data: {} users, {} customers created ({} already present)",
                DemoUsers.ALL.size(), created, DemoCustomers.COUNT - created);
        meterSimulation.ifAvailable(this::installMeters);
    }

    /** Puts every demo meter on its simulated bus, relay as the registry last recorded it. */
    private void installMeters(MeterSimulation simulation) {
        int installed = 0;
        int notSimulated = 0;
        for (int i = 1; i <= DemoCustomers.COUNT; i++) {
            var meter = registry.get(DemoCustomers.customerNo(i)).meter();
            if (meter == null || simulation.isInstalled(meter.busId(), meter.commAddress())) {
                continue;
            }
            try {
                simulation.install(meter.busId(), meter.commAddress(), meter.meterNo(), meter.relayState() == RelayState.OPEN);
                simulation.setPowerGuarantee(meter.busId(), meter.commAddress(), meter.powerGuarantee());
                installed++;
            } catch (IllegalArgumentException busNotSimulated) {
                notSimulated++; // the demo may run against a real bus: its meters are real too
            }
        }
        log.info("Demo data: {} meters installed on the simulated buses ({} on buses not simulated)", installed, notSimulated);
    }
}
