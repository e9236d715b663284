package io.supplyguard.account;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates N accounts (default 1,000,000) in an in-memory H2 database migrated by the real
 * Flyway scripts and prints accounts per second. 10% of the accounts are in arrears, spread over
 * the last 30 days; 1% have no agreement, 1% no meter (all of them in arrears). No disconnection process is installed, so
 * the figure is the set-based evaluation itself (select, classify, record, count).
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.mainClass=io.supplyguard.account.ArrearsEvaluationBenchmark \
 *     -Dexec.classpathScope=test [-Dexec.args=1000000]</pre>
 */
public final class ArrearsEvaluationBenchmark {

    public static void main(String[] args) {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1");
        measure(dataSource, accounts, false, 3, System.out::println);
    }

    /**
     * Migrates {@code dataSource} (an empty database) with the real Flyway scripts, seeds
     * {@code accounts} accounts and evaluates them {@code runs} times; answers the best accounts/s.
     * Also used by {@code io.supplyguard.bench.SupplyGuardBenchmark} for H2 and PostgreSQL.
     */
    public static double measure(DataSource dataSource, int accounts, boolean postgres, int runs,
            java.util.function.Consumer<String> log) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        long seeding = System.nanoTime();
        seed(JdbcClient.create(dataSource), accounts, postgres);
        log.accept(String.format("seeded %,d customers, meters and accounts in %.1f s", accounts,
                (System.nanoTime() - seeding) / 1e9));

        ArrearsEvaluation evaluation = evaluation(dataSource);
        double best = 0;
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            EvaluationReport report = evaluation.evaluate(EvaluationTrigger.ON_DEMAND);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            double rate = report.examined() / (took.toNanos() / 1e9);
            best = Math.max(best, rate);
            log.accept(String.format("run %d: examined %,d accounts (%,d in arrears, %,d overdue beyond grace, %,d eligible,"
                    + " %,d ineligible) in %d ms = %,.0f accounts/s", run, report.examined(), report.inArrears(),
                    report.overdue(), report.eligible(), report.ineligible(), took.toMillis(), rate));
        }
        return best;
    }

    private static ArrearsEvaluation evaluation(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        FeeControlProperties properties = new FeeControlProperties(null, null, null, null, null, null);
        return new ArrearsEvaluation(new EvaluationRows(jdbc),
                new StaticListableBeanFactory().getBeanProvider(DisconnectionStarter.class), properties,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    private static void seed(JdbcClient jdbc, int n, boolean postgres) {
        // the same rows on both: H2's SYSTEM_RANGE is PostgreSQL's generate_series
        String range = postgres ? "generate_series(1, ?) AS g(X)" : "SYSTEM_RANGE(1, ?)";
        String overdueSince = postgres ? "CURRENT_DATE - CAST(MOD(X / 10, 30) AS INTEGER)"
                : "DATEADD(DAY, -MOD(X / 10, 30), CURRENT_DATE)";
        jdbc.sql("""
                INSERT INTO customer (customer_no, name, address, usage_class, billing_mode, district,
                    agreement_signed_on, created_at, updated_at)
                SELECT CAST(3100000000 + X AS VARCHAR), '基准客户', '基准地址', 'RESIDENTIAL', 'POSTPAID',
                    'TQ-' || MOD(X, 500), CASE WHEN MOD(X, 100) = 50 THEN NULL ELSE DATE '2024-01-01' END,
                    CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
                FROM %s""".formatted(range)).param(n).update();
        jdbc.sql("""
                INSERT INTO meter (meter_no, comm_address, bus_id)
                SELECT LPAD(CAST(X AS VARCHAR), 12, '0'), LPAD(CAST(X AS VARCHAR), 12, '0'), 'bus-' || MOD(X, 200)
                FROM %s WHERE MOD(X, 100) <> 30""".formatted(range)).param(n).update();
        jdbc.sql("""
                INSERT INTO meter_binding (customer_no, meter_no, valid_from, active_meter_no, active_customer_no)
                SELECT CAST(3100000000 + X AS VARCHAR), LPAD(CAST(X AS VARCHAR), 12, '0'), CURRENT_TIMESTAMP,
                    LPAD(CAST(X AS VARCHAR), 12, '0'), CAST(3100000000 + X AS VARCHAR)
                FROM %s WHERE MOD(X, 100) <> 30""".formatted(range)).param(n).update();
        jdbc.sql("""
                INSERT INTO account (customer_no, balance, arrears, overdue_since, updated_at)
                SELECT CAST(3100000000 + X AS VARCHAR),
                    CASE WHEN MOD(X, 10) = 0 THEN 0 ELSE 120.00 END,
                    CASE WHEN MOD(X, 10) = 0 THEN 86.40 ELSE 0 END,
                    CASE WHEN MOD(X, 10) = 0 THEN %s END,
                    CURRENT_TIMESTAMP
                FROM %s""".formatted(overdueSince, range)).param(n).update();
        if (postgres) {
            jdbc.sql("ANALYZE").update();
        }
    }
}
