package io.supplyguard.audit;

import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL statistics on the permission bits the engine's authorization check tests
 * ({@code A.PERMS_ & 2 = 2}: READ of a historic process instance, {@code & 4096}: READ_HISTORY of a
 * definition). Without them PostgreSQL guesses that 0.5 % of the grants match, so for a district
 * manager with ~2,000 per-instance read grants it joins his grants to every candidate instance in a
 * nested loop over a materialized list (issue 17, 100,000 finished instances: 1.8 s for his first
 * page's count) instead of looking each instance's grants up by index (0.24 s). Statistics change
 * the plan, never the answer.
 *
 * <p>They are on an engine table, which exists only once the engine has started (SupplyGuard's
 * Flyway runs before it), so this bean depends on the engine and creates them idempotently at
 * start, analysing the table once when they are new. Only on PostgreSQL; H2 has no such statistics.
 */
@Component
class AuthorizationCheckStatistics implements InitializingBean {

    /** Name → the expression the engine's authorization check compares. */
    static final List<String[]> STATISTICS = List.of(
            new String[] {"sg_act_ru_auth_perm_read", "(PERMS_ & 2)"},
            new String[] {"sg_act_ru_auth_perm_read_history", "(PERMS_ & 4096)"});

    private static final Log log = LogFactory.getLog(AuthorizationCheckStatistics.class);

    private final ProcessEngine engine;
    private final JdbcClient jdbc;

    AuthorizationCheckStatistics(ProcessEngine engine, JdbcClient jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        if (!"postgres".equals(engine.getProcessEngineConfiguration().getDatabaseType())) {
            return;
        }
        boolean created = false;
        for (String[] statistics : STATISTICS) {
            if (jdbc.sql("SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname = ?").param(statistics[0]).query(Long.class).single() == 0) {
                try {
                    jdbc.sql("CREATE STATISTICS IF NOT EXISTS " + statistics[0] + " ON " + statistics[1] + " FROM ACT_RU_AUTHORIZATION").update();
                    created = true;
                } catch (DataAccessException e) {
                    // another node of the cluster created it at the same moment: the statistics exist
                    log.info("statistics " + statistics[0] + " not created here: " + e.getMostSpecificCause().getMessage());
                }
            }
        }
        if (created) {
            jdbc.sql("ANALYZE ACT_RU_AUTHORIZATION").update();
            log.info("created PostgreSQL statistics on ACT_RU_AUTHORIZATION's permission bits (history search, issue 17)");
        }
    }
}
