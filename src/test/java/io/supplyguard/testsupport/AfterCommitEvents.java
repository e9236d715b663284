package io.supplyguard.testsupport;

import io.supplyguard.infrastructure.events.AfterCommitEventsConfiguration;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/** Lets a test wait until every after-commit listener triggered so far has run. */
@Component
public class AfterCommitEvents {

    private final ThreadPoolTaskExecutor executor;

    public AfterCommitEvents(@Qualifier(AfterCommitEventsConfiguration.EXECUTOR) ThreadPoolTaskExecutor executor) {
        this.executor = executor;
    }

    public void awaitQuiet() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        var pool = executor.getThreadPoolExecutor();
        while (pool.getCompletedTaskCount() < pool.getTaskCount()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after-commit listeners still busy after 30 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
