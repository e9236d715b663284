package io.supplyguard.meter.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplyguard.meter.MeterBusUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The scheduler: one transaction at a time per bus, urgent first, bounded queue. */
class BusWorkerTest {

    static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    void aReconnectionQueuedBehindFiftyCutsGoesNext() throws Exception {
        GatedTransport transport = new GatedTransport();
        try (BusWorker bus = new BusWorker("bus-1", transport, 100)) {
            var first = bus.submit(Priority.ROUTINE, tag(0), TIMEOUT);
            transport.started.await(1, TimeUnit.SECONDS);
            List<CompletableFuture<Exchange>> cuts = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                cuts.add(bus.submit(Priority.ROUTINE, tag(i), TIMEOUT));
            }
            var reconnection = bus.submit(Priority.URGENT, tag(99), TIMEOUT);

            transport.gate.countDown();
            CompletableFuture.allOf(cuts.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

            assertThat(first).isDone();
            assertThat(reconnection).isDone();
            assertThat(transport.order.subList(0, 3)).containsExactly(0, 99, 1);
            assertThat(transport.order.subList(2, 52)).isSorted();
        }
    }

    @Test
    void aFullQueueRefusesWithAClearError() throws Exception {
        GatedTransport transport = new GatedTransport();
        try (BusWorker bus = new BusWorker("bus-1", transport, 3)) {
            bus.submit(Priority.ROUTINE, tag(0), TIMEOUT);
            transport.started.await(1, TimeUnit.SECONDS);
            for (int i = 1; i <= 3; i++) {
                bus.submit(Priority.ROUTINE, tag(i), TIMEOUT);
            }

            assertThatThrownBy(() -> bus.submit(Priority.URGENT, tag(4), TIMEOUT))
                    .isInstanceOf(MeterBusUnavailableException.class)
                    .hasMessageContaining("bus-1 queue is full (3 transactions waiting)");
            transport.gate.countDown();
        }
    }

    @Test
    void oneBusIsStrictlySerialWhileTwoBusesRunInParallel() throws Exception {
        AtomicInteger acrossBuses = new AtomicInteger();
        AtomicInteger maxAcrossBuses = new AtomicInteger();
        SlowTransport one = new SlowTransport(acrossBuses, maxAcrossBuses);
        SlowTransport two = new SlowTransport(acrossBuses, maxAcrossBuses);
        try (BusWorker bus1 = new BusWorker("bus-1", one, 100); BusWorker bus2 = new BusWorker("bus-2", two, 100)) {
            List<CompletableFuture<Exchange>> all = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < 8; i++) {
                all.add(bus1.submit(Priority.ROUTINE, tag(i), TIMEOUT));
                all.add(bus2.submit(i % 2 == 0 ? Priority.URGENT : Priority.ROUTINE, tag(i), TIMEOUT));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            long elapsedMillis = (System.nanoTime() - t0) / 1_000_000;

            assertThat(one.maxConcurrent.get()).isEqualTo(1);
            assertThat(two.maxConcurrent.get()).isEqualTo(1);
            assertThat(maxAcrossBuses.get()).isEqualTo(2);
            // 8 transactions of 30 ms on each bus: no less than 240 ms, however the buses overlap
            assertThat(elapsedMillis).isGreaterThanOrEqualTo(240L);
        }
    }

    @Test
    void aFailingPortBecomesAnExchangeWithTheFailureNotALostFuture() throws Exception {
        BusTransport broken = new BusTransport() {
            @Override
            public Received exchange(byte[] request, Duration replyTimeout) throws java.io.IOException {
                throw new java.io.IOException("port vanished");
            }

            @Override
            public String describe() {
                return "broken";
            }

            @Override
            public void close() {
            }
        };
        try (BusWorker bus = new BusWorker("bus-1", broken, 10)) {
            Exchange exchange = bus.submit(Priority.ROUTINE, tag(1), TIMEOUT).get(1, TimeUnit.SECONDS);
            assertThat(exchange.transportFailure()).contains("port vanished");
            assertThat(exchange.received().bytes()).isEmpty();
        }
    }

    private static byte[] tag(int n) {
        return new byte[] {(byte) n};
    }

    /** Holds the first transaction until the gate opens, and records the order transactions ran in. */
    static final class GatedTransport implements BusTransport {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        final List<Integer> order = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Received exchange(byte[] request, Duration replyTimeout) {
            order.add(request[0] & 0xFF);
            started.countDown();
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Received.nothing();
        }

        @Override
        public String describe() {
            return "gated";
        }

        @Override
        public void close() {
        }
    }

    /** Takes 30 ms a transaction and counts how many run at once, on itself and across buses. */
    static final class SlowTransport implements BusTransport {
        final AtomicInteger concurrent = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        final AtomicInteger acrossBuses;
        final AtomicInteger maxAcrossBuses;

        SlowTransport(AtomicInteger acrossBuses, AtomicInteger maxAcrossBuses) {
            this.acrossBuses = acrossBuses;
            this.maxAcrossBuses = maxAcrossBuses;
        }

        @Override
        public Received exchange(byte[] request, Duration replyTimeout) {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            maxAcrossBuses.accumulateAndGet(acrossBuses.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            acrossBuses.decrementAndGet();
            concurrent.decrementAndGet();
            return Received.nothing();
        }

        @Override
        public String describe() {
            return "slow";
        }

        @Override
        public void close() {
        }
    }
}
