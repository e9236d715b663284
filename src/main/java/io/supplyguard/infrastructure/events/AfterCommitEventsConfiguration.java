package io.supplyguard.infrastructure.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor of the after-commit listeners ({@code @Async(AfterCommitEventsConfiguration.EXECUTOR)}
 * on a {@code @TransactionalEventListener}). A listener that runs on the publishing thread after
 * commit still holds that transaction's connection and needs a second one for its own work: with a
 * burst of payments every pooled connection ends up waiting for another. On this executor the
 * publisher's connection is returned first. Nothing waits here only in memory: Spring Modulith's
 * event publication registry stored each publication in the publishing transaction, and one whose
 * listener did not complete (crash, failure) is republished at start-up or resubmitted
 * ({@link IncompletePublicationResubmission}).
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
public class AfterCommitEventsConfiguration {

    public static final String EXECUTOR = "afterCommitExecutor";

    @Bean(name = EXECUTOR)
    ThreadPoolTaskExecutor afterCommitExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("after-commit-");
        executor.setCorePoolSize(4);
        executor.setMaxPoolSize(4);
        executor.setQueueCapacity(100_000);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }
}
