package io.supplyguard.meter;

import io.supplyguard.meter.bus.BusTransport;
import io.supplyguard.meter.bus.BusWorker;
import io.supplyguard.meter.bus.InMemoryTransport;
import io.supplyguard.meter.bus.LinkTransport;
import io.supplyguard.meter.bus.SerialLink;
import io.supplyguard.meter.bus.SocketLink;
import io.supplyguard.meter.sim.SimulatedMeters;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class MeterConfiguration {

    /** Present whenever a bus is SIMULATED: tests and the demo install meters and faults through it. */
    @Bean
    @Conditional(AnyBusSimulated.class)
    SimulatedMeters meterSimulation(MeterProperties properties, Clock clock) {
        return new SimulatedMeters(clock, properties.buses().stream()
                .filter(b -> b.transport() == MeterProperties.Transport.SIMULATED).map(MeterProperties.Bus::id).toList());
    }

    /** Each bus is opened only while this node holds its lease: the port or connection is then this node's alone. */
    @Bean(destroyMethod = "close")
    MeterBuses meterBuses(MeterProperties properties, ObjectProvider<SimulatedMeters> simulation, BusLeases leases) {
        MeterBuses buses = new MeterBuses();
        for (MeterProperties.Bus bus : properties.buses()) {
            buses.configure(bus.id(), () -> new BusWorker(bus.id(), transport(bus, simulation), properties.queueCapacity(),
                    () -> leases.mayTalk(bus.id())), bus.replyTimeout());
        }
        return buses;
    }

    /** The bus leases in table INT_LOCK (migration V8_16_2), one client id per process start. */
    @Bean
    DefaultLockRepository busLeaseRepository(DataSource dataSource, ClusterProperties cluster) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion("supplyguard-buses");
        repository.setTimeToLive((int) cluster.leaseTime().toMillis());
        repository.setCheckDatabaseOnStart(false); // Flyway made the table; a broken database shows at the first election
        return repository;
    }

    @Bean
    JdbcLockRegistry busLeaseRegistry(DefaultLockRepository busLeaseRepository) {
        return new JdbcLockRegistry(busLeaseRepository);
    }

    @Bean(destroyMethod = "close")
    BusLeases busLeases(JdbcLockRegistry busLeaseRegistry, DefaultLockRepository busLeaseRepository, ObjectProvider<MeterBuses> buses,
            ApplicationEventPublisher events, ClusterProperties cluster, MeterProperties properties,
            @Value("${supplyguard.node-id:}") String nodeId, Clock clock) {
        String node = nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
        return new BusLeases(busLeaseRegistry, busLeaseRepository, buses, events, cluster, properties, node, clock);
    }

    /** Health component {@code busOwnership} and gauge {@code supplyguard.bus.owned}. */
    @Bean
    BusOwnershipHealth busOwnershipHealthIndicator(BusLeases leases) {
        return new BusOwnershipHealth(leases);
    }

    @Bean
    JdbcMeterCommandAudit meterCommandAudit(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        return new JdbcMeterCommandAudit(jdbc, clock, transactions);
    }

    @Bean
    BusMeterControl meterControl(MeterBuses buses, JdbcMeterCommandAudit audit, Clock clock, MeterProperties properties) {
        return new BusMeterControl(buses, audit, clock, properties.settings());
    }

    static BusTransport transport(MeterProperties.Bus bus, ObjectProvider<SimulatedMeters> simulation) {
        return switch (bus.transport()) {
            case SIMULATED -> new InMemoryTransport(bus.id(), simulation.getObject().bus(bus.id()));
            case TCP -> new LinkTransport(new SocketLink(SocketLink.parse(bus.tcp()), (int) bus.connectTimeout().toMillis()));
            case SERIAL -> new LinkTransport(serial(bus));
        };
    }

    private static SerialLink serial(MeterProperties.Bus bus) {
        var defaults = SerialLink.SerialSettings.dlt645(bus.port(), bus.baud());
        var settings = new SerialLink.SerialSettings(bus.port(), bus.baud(), defaults.dataBits(), defaults.parity(),
                defaults.stopBits(), defaults.pollMillis(), bus.rs485().enabled(), bus.rs485().rtsActiveHigh(),
                bus.rs485().delayBeforeSendMicros(), bus.rs485().delayAfterSendMicros());
        return new SerialLink(settings);
    }

    /** Binds the meter properties early (conditions run before beans exist) and looks for a simulated bus. */
    static final class AnyBusSimulated implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("supplyguard.meter", MeterProperties.class)
                    .orElseGet(() -> new MeterProperties(null, null, null, null, null, null, null))
                    .anySimulated();
        }
    }
}
