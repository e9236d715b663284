package io.supplyguard.switching;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tests that run jobs by hand: a switching step has handed its command to the kernel's queue and
 * waits; this waits (polling the queue, never a fixed sleep) until the bus dispatcher has run it
 * and delivered the result, so the next round of jobs sees the process moved on.
 */
public final class SwitchingQueueProbe {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private SwitchingQueueProbe() {
    }

    /** Until no command of that instance (or of any, for null) is queued, running or undelivered. */
    public static void awaitDelivered(JdbcClient jdbc, String processInstanceId) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (pending(jdbc, processInstanceId) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("switching commands of " + (processInstanceId == null ? "the test" : processInstanceId)
                        + " still not delivered after " + PATIENCE.toSeconds() + " s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    static long pending(JdbcClient jdbc, String processInstanceId) {
        String open = "state IN ('QUEUED', 'RUNNING', 'DONE')";
        return processInstanceId == null
                ? jdbc.sql("SELECT COUNT(*) FROM switching_command WHERE " + open).query(Long.class).single()
                : jdbc.sql("SELECT COUNT(*) FROM switching_command WHERE process_instance_id = ? AND " + open)
                        .param(processInstanceId).query(Long.class).single();
    }
}
