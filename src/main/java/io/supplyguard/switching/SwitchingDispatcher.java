package io.supplyguard.switching;

import io.supplyguard.meter.BusNotOwnedException;
import io.supplyguard.meter.BusOwnership;
import io.supplyguard.switching.SwitchingCommands.QueuedCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs the kernel's queued commands on the buses (issue 16). Per bus one dispatch loop takes
 * commands from the durable queue, most urgent first, and runs up to {@code conversations-per-bus}
 * of them at once: each command's frames go through the bus worker, which puts one transaction on
 * the half-duplex line at a time, so while one meter's confirmation is pending the line serves the
 * others. Reconnections get slots of their own, so one queued behind a thousand cuts starts with
 * the next transaction. No engine thread waits: the step that queued the command has committed
 * and its execution waits for {@link SwitchingKernel#deliver}. A bus is dispatched only on the node
 * that owns it ({@link BusTakeover}); commands queued on any node wait in the shared table for it.
 */
@Component
class SwitchingDispatcher {

    private static final Logger log = LoggerFactory.getLogger(SwitchingDispatcher.class);

    private final SwitchingKernel kernel;
    private final SwitchingCommands commands;
    private final BusWakeUps wakeUps;
    private final Clock clock;
    private final int routineSlots;
    private final int urgentSlots;
    private final Duration pollInterval;
    private final String node;
    private final Map<String, BusDispatch> running = new ConcurrentHashMap<>();

    SwitchingDispatcher(SwitchingKernel kernel, SwitchingCommands commands, BusWakeUps wakeUps, Clock clock,
            @Value("${supplyguard.switching.conversations-per-bus:8}") int routineSlots,
            @Value("${supplyguard.switching.urgent-conversations-per-bus:4}") int urgentSlots,
            @Value("${supplyguard.switching.queue-poll-interval:PT0.2S}") Duration pollInterval, BusOwnership ownership) {
        this.kernel = kernel;
        this.commands = commands;
        this.wakeUps = wakeUps;
        this.clock = clock;
        this.routineSlots = routineSlots;
        this.urgentSlots = urgentSlots;
        this.pollInterval = pollInterval;
        this.node = ownership.node(); // the name the bus leases, health and metrics know this node by
    }

    /** Starts dispatching one bus: commands a dead owner left RUNNING are queued again first. */
    synchronized void start(String busId) {
        if (running.containsKey(busId)) {
            return;
        }
        int requeued = commands.requeueRunning(busId);
        if (requeued > 0) {
            log.info("bus {}: {} command(s) left running by a previous owner queued again", busId, requeued);
        }
        BusDispatch dispatch = new BusDispatch(busId);
        running.put(busId, dispatch);
        wakeUps.register(busId, dispatch::wake);
        dispatch.thread.start();
    }

    synchronized void stop(String busId) {
        BusDispatch dispatch = running.remove(busId);
        wakeUps.unregister(busId);
        if (dispatch != null) {
            dispatch.close();
        }
    }

    @jakarta.annotation.PreDestroy
    synchronized void stopAll() {
        List.copyOf(running.keySet()).forEach(this::stop);
    }

    /** Results whose signal failed (optimistic locking, a node that died in between) are delivered again. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${supplyguard.switching.redeliver-every:PT2S}")
    void redeliver() {
        kernel.redeliver(OffsetDateTime.now(clock).minusSeconds(2));
    }

    private final class BusDispatch {

        private final String busId;
        private final Thread thread;
        private final ExecutorService conversations;
        private final Semaphore wakeUp = new Semaphore(0);
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger routineInFlight = new AtomicInteger();
        private volatile boolean open = true;

        BusDispatch(String busId) {
            this.busId = busId;
            AtomicInteger n = new AtomicInteger();
            this.conversations = Executors.newFixedThreadPool(routineSlots + urgentSlots, r -> {
                Thread t = new Thread(r, "switching-" + busId + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.thread = new Thread(this::loop, "switching-dispatch-" + busId);
            thread.setDaemon(true);
        }

        void wake() {
            wakeUp.release();
        }

        private void loop() {
            while (open) {
                try {
                    dispatchWhatFits();
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the database is away for a moment: the queue is durable, try again at the next poll
                    log.warn("bus {}: dispatching failed: {}", busId, e.toString());
                    sleepQuietly();
                }
            }
        }

        /** Urgent commands may take any free slot; routine ones at most their own share. */
        private void dispatchWhatFits() {
            int total = routineSlots + urgentSlots;
            OffsetDateTime now = OffsetDateTime.now(clock);
            for (QueuedCommand urgent : commands.claim(busId, SwitchingCommands.URGENT, total - inFlight.get(), node, now)) {
                launch(urgent);
            }
            int routineFree = Math.min(routineSlots - routineInFlight.get(), total - inFlight.get());
            for (QueuedCommand routine : commands.claim(busId, Integer.MIN_VALUE, routineFree, node, now)) {
                launch(routine);
            }
        }

        private void launch(QueuedCommand command) {
            inFlight.incrementAndGet();
            if (!command.urgent()) {
                routineInFlight.incrementAndGet();
            }
            conversations.execute(() -> {
                try {
                    kernel.run(command);
                } catch (RuntimeException e) {
                    if (BusNotOwnedException.causedBy(e)) {
                        // nothing more was sent: the command stays RUNNING, and the bus's next owner queues it again
                        log.info("bus {}: command {} left to the bus's next owner: {}", busId, command.id(), e.getMessage());
                        return;
                    }
                    log.warn("bus {}: command {} did not finish: {}", busId, command.id(), e.toString());
                    // a classified failure for the waiting step; if even that cannot be written, the
                    // command stays RUNNING and the bus's next start runs it again through the checks
                    kernel.notCompleted(command, e);
                } finally {
                    inFlight.decrementAndGet();
                    if (!command.urgent()) {
                        routineInFlight.decrementAndGet();
                    }
                    wake();
                }
            });
        }

        private void sleepQuietly() {
            try {
                Thread.sleep(pollInterval.toMillis() * 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                open = false;
            }
        }

        void close() {
            open = false;
            thread.interrupt();
            conversations.shutdown();
            try {
                if (!conversations.awaitTermination(10, TimeUnit.SECONDS)) {
                    conversations.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
