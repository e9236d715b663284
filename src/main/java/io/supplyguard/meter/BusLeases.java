package io.supplyguard.meter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.integration.jdbc.lock.LockRepository;
import org.springframework.integration.leader.AbstractCandidate;
import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.event.LeaderEventPublisher;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.integration.util.UUIDConverter;

/**
 * One lease per bus (issue 16): a {@link LockRegistryLeaderInitiator} per bus competes for the
 * bus's lock in INT_LOCK; the winner renews it every heartbeat, and when the owner dies its lease
 * expires and another node wins. Winning opens the bus — after the take-over guard, so that a
 * transaction the old owner began before its lease ran out has ended — and publishes
 * {@link BusOwned}; losing publishes {@link BusReleased} and closes it. Before every transaction
 * the bus's worker asks {@link #mayTalk}: this node still leads, and (for a real line) the
 * database still records the lease as this node's and unexpired. Grant and release of a bus run
 * one after the other on that bus's own thread, never on the initiator's (which must keep renewing).
 */
final class BusLeases implements BusOwnership, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BusLeases.class);
    private static final String LOCK_PREFIX = "supplyguard-bus:";

    private final LockRegistry locks;
    private final LockRepository leases;
    private final ObjectProvider<MeterBuses> buses;
    private final ApplicationEventPublisher events;
    private final ClusterProperties cluster;
    private final String node;
    private final Clock clock;
    private final Map<String, Lease> byBus = new LinkedHashMap<>();

    BusLeases(LockRegistry locks, LockRepository leases, ObjectProvider<MeterBuses> buses, ApplicationEventPublisher events,
            ClusterProperties cluster, MeterProperties meters, String node, Clock clock) {
        this.locks = locks;
        this.leases = leases;
        this.buses = buses;
        this.events = events;
        this.cluster = cluster;
        this.node = node;
        this.clock = clock;
        meters.buses().forEach(bus -> byBus.put(bus.id(), new Lease(bus.id(), cluster.takeoverGuard(bus),
                bus.transport() == MeterProperties.Transport.SIMULATED)));
    }

    /** First of everything at start-up: the buses this node wins are open (and reconciled) before it reports ready. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(-100)
    void start() {
        byBus.values().forEach(Lease::start);
        Instant deadline = clock.instant().plus(cluster.startupWait());
        for (Lease lease : byBus.values()) {
            if (!lease.awaitSettled(deadline)) {
                log.warn("bus {}: no owner settled within {} of start-up; it is served once a lease is won", lease.busId,
                        cluster.startupWait());
            }
        }
    }

    /** The worker's line guard: asked before every transaction on the bus. */
    boolean mayTalk(String busId) {
        Lease lease = byBus.get(busId);
        return lease != null && lease.mayTalk();
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public boolean owns(String busId) {
        Lease lease = byBus.get(busId);
        return lease != null && lease.state == Ownership.OWNED;
    }

    @Override
    public List<BusState> buses() {
        return byBus.values().stream().map(l -> new BusState(l.busId, l.state, l.since)).toList();
    }

    @Override
    public void close() {
        // stopping an initiator unlocks (deletes the lease row) and revokes: another node takes over at once
        byBus.values().forEach(Lease::stop);
    }

    private final class Lease extends AbstractCandidate {

        private final String busId;
        private final Duration takeoverGuard;
        private final boolean simulated;
        private final String leasePath;
        private final ExecutorService ownershipThread;
        private final LockRegistryLeaderInitiator initiator;
        private volatile Ownership state = Ownership.ELECTING;
        private volatile Instant since;
        private volatile Context context;

        Lease(String busId, Duration takeoverGuard, boolean simulated) {
            super(node, LOCK_PREFIX + busId);
            this.busId = busId;
            this.takeoverGuard = takeoverGuard;
            this.simulated = simulated;
            this.leasePath = UUIDConverter.getUUID(LOCK_PREFIX + busId).toString();
            this.since = clock.instant();
            this.ownershipThread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "bus-ownership-" + busId);
                t.setDaemon(true);
                return t;
            });
            this.initiator = new LockRegistryLeaderInitiator(locks, this);
            initiator.setHeartBeatMillis(cluster.heartbeat().toMillis());
            initiator.setPublishFailedEvents(true);
            initiator.setLeaderEventPublisher(new FailedAcquisitions());
            initiator.setAutoStartup(false);
        }

        void start() {
            initiator.start();
        }

        void stop() {
            initiator.stop();
            ownershipThread.shutdown();
            try {
                ownershipThread.awaitTermination(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        boolean mayTalk() {
            Context lead = context;
            if (state != Ownership.OWNED || lead == null || !lead.isLeader()) {
                return false;
            }
            // an in-memory bus has no shared line; a real one is checked against the database's record of the lease
            return simulated || leases.isAcquired(leasePath);
        }

        boolean awaitSettled(Instant deadline) {
            while (state == Ownership.ELECTING || state == Ownership.TAKING_OVER) {
                if (clock.instant().isAfter(deadline)) {
                    return false;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }

        @Override
        public void onGranted(Context granted) {
            this.context = granted;
            become(Ownership.TAKING_OVER);
            ownershipThread.execute(this::takeOver);
        }

        @Override
        public void onRevoked(Context revoked) {
            boolean wasOwner = state == Ownership.OWNED;
            become(Ownership.RELEASING); // the line guard refuses from this instant
            ownershipThread.execute(() -> release(wasOwner));
        }

        private void takeOver() {
            try {
                if (!takeoverGuard.isZero()) {
                    Thread.sleep(takeoverGuard.toMillis());
                }
                if (state != Ownership.TAKING_OVER || !context.isLeader()) {
                    return; // revoked meanwhile
                }
                buses.getObject().open(busId);
                become(Ownership.OWNED);
                log.info("bus {}: owned by node {} (lease {}, take-over guard {})", busId, node, cluster.leaseTime(), takeoverGuard);
                events.publishEvent(new BusOwned(busId, node));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the port would not open, or the first work failed: give the lease up so another node can try
                log.warn("bus {}: taking over failed, lease yielded: {}", busId, e.toString());
                context.yield();
            }
        }

        private void release(boolean wasOwner) {
            try {
                if (wasOwner) {
                    events.publishEvent(new BusReleased(busId, node));
                }
            } catch (RuntimeException e) {
                log.warn("bus {}: release listeners failed: {}", busId, e.toString());
            } finally {
                buses.getObject().close(busId);
                if (state == Ownership.RELEASING) {
                    become(Ownership.ELECTING);
                }
                if (wasOwner) {
                    log.info("bus {}: released by node {}", busId, node);
                }
            }
        }

        private void become(Ownership next) {
            state = next;
            since = clock.instant();
        }

        /** A failed attempt while not leading: someone else holds the lease. */
        private final class FailedAcquisitions implements LeaderEventPublisher {

            @Override
            public void publishOnGranted(Object source, Context context, String role) {
            }

            @Override
            public void publishOnRevoked(Object source, Context context, String role) {
            }

            @Override
            public void publishOnFailedToAcquire(Object source, Context context, String role) {
                if (state == Ownership.ELECTING) {
                    become(Ownership.OWNED_ELSEWHERE);
                }
            }
        }
    }
}
