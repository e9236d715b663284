package io.supplyguard.switching;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Latency only, never correctness: a command committed on this node wakes its bus's dispatch
 * loop at once instead of at its next poll of the durable queue.
 */
@Component
class BusWakeUps {

    private final Map<String, Runnable> loops = new ConcurrentHashMap<>();

    void register(String busId, Runnable wake) {
        loops.put(busId, wake);
    }

    void unregister(String busId) {
        loops.remove(busId);
    }

    /** After the current transaction commits (at once without one). */
    void afterCommit(String busId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake(busId);
                }
            });
        } else {
            wake(busId);
        }
    }

    private void wake(String busId) {
        Runnable wake = loops.get(busId);
        if (wake != null) {
            wake.run();
        }
    }
}
