package io.supplyguard.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Commands, not just frames: a reconnection overtakes a bulk cut already on the bus. */
class CommandPriorityTest {

    @Test
    void aReconnectionIssuedDuringFiftyCutsFinishesWhileMostCutsStillWait() throws Exception {
        ExecutorService operators = Executors.newFixedThreadPool(51);
        try (SimulatedBusFixture bus = new SimulatedBusFixture()) {
            bus.simulation.setLatency("bus-1", Duration.ofMillis(10));
            for (int i = 1; i <= 51; i++) {
                String address = String.format("%012d", 100000 + i);
                bus.simulation.install("bus-1", address, address, i == 51);
            }
            List<CompletableFuture<CommandResult>> cuts = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                MeterTarget target = SimulatedBusFixture.target(String.format("%012d", 100000 + i));
                cuts.add(CompletableFuture.supplyAsync(() -> bus.control.trip(target, Requester.process("bulk", "Task_Trip")), operators));
            }
            while (bus.buses.worker("bus-1").waiting() < 40) {
                Thread.onSpinWait();
            }

            CommandResult reconnection = bus.control.directClose(SimulatedBusFixture.target("000000100051"),
                    Requester.process("paid", "Task_Reconnect"));
            long cutsDone = cuts.stream().filter(CompletableFuture::isDone).count();

            assertThat(reconnection.outcome()).isEqualTo(CommandOutcome.CONFIRMED);
            // without priority it would finish behind nearly all of them
            assertThat(cutsDone).isLessThan(25);
            CompletableFuture.allOf(cuts.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(cuts).allSatisfy(c -> assertThat(c.join().outcome()).isEqualTo(CommandOutcome.CONFIRMED));
        } finally {
            operators.shutdownNow();
        }
    }
}
