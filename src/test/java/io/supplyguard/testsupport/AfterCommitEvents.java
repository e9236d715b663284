package io.supplyguard.testsupport;

import io.supplyguard.infrastructure.events.AfterCommitEventsConfiguration;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Lets a test wait until every after-commit listener triggered so far has run, including those
 * that listeners triggered in turn. The after-commit executor is instrumented before it starts:
 * each task is counted when it is handed over and again when it has finished. (The pool's own
 * counters miss a task that a worker has taken from the queue but not begun: under load the wait
 * then ended before the listener ran.)
 */
@Component
public class AfterCommitEvents implements BeanPostProcessor {

    private final AtomicLong handedOver = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();
    private volatile boolean instrumented;

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (AfterCommitEventsConfiguration.EXECUTOR.equals(beanName) && bean instanceof ThreadPoolTaskExecutor executor) {
            executor.setTaskDecorator(task -> {
                handedOver.incrementAndGet();
                return () -> {
                    try {
                        task.run();
                    } finally {
                        finished.incrementAndGet();
                    }
                };
            });
            instrumented = true;
        }
        return bean;
    }

    public void awaitQuiet() {
        if (!instrumented) {
            throw new IllegalStateException("the after-commit executor was not instrumented: waiting would prove nothing");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // finished first: if it then equals what was handed over, nothing was running or queued at that moment
        while (finished.get() != handedOver.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after-commit listeners still busy after 60 s (" + finished.get() + " of "
                        + handedOver.get() + " finished)");
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
