package io.supplyguard.audit;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the history search's engine queries in one transaction in which PostgreSQL plans every
 * statement for its own values ({@code SET LOCAL plan_cache_mode = force_custom_plan}). The driver
 * prepares a statement the connection has run five times, and after five more PostgreSQL may keep
 * one generic plan for all values; for the engine's authorization join it cannot then estimate the
 * permission bits ({@link AuthorizationCheckStatistics}) and falls back to the nested loop over all
 * of a district manager's grants (issue 17: 1.7 s instead of 0.24 s). The engine joins this
 * transaction (its Spring transaction integration), so its queries run on the connection the setting
 * is made on; {@code LOCAL} ends with the transaction. On H2 the work runs as it is.
 */
@Component
class CustomQueryPlans {

    private final boolean postgres;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    CustomQueryPlans(ProcessEngine engine, TransactionTemplate transaction, JdbcClient jdbc) {
        this.postgres = "postgres".equals(engine.getProcessEngineConfiguration().getDatabaseType());
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    <T> T run(Supplier<T> work) {
        if (!postgres) {
            return work.get();
        }
        return transaction.execute(status -> {
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
            return work.get();
        });
    }
}
