package io.supplyguard.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production profile {@code postgres} as an operator starts it (only the job executor is off
 * for the test; the database is a fresh one from {@link PostgresTestDatabases}): Flyway and the
 * Camunda schema come up on PostgreSQL, and choosing the profile switches the demo data off.
 * Runs with {@code mvn -Ppostgres-tests test}.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles("postgres")
@EnabledIf("io.supplyguard.infrastructure.PostgresTestDatabases#enabled")
class PostgresProfileTest {

    @Autowired Environment environment;
    @Autowired ApplicationContext context;
    @Autowired DataSource dataSource;
    @Autowired Flyway flyway;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;

    @Test
    void migratesAndCreatesTheEngineSchemaOnPostgres() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
        assertThat(configuration.getHistory()).isEqualTo("full");
        assertThat(((HikariDataSource) dataSource).getPoolName()).isEqualTo("supplyguard");
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.getConfiguration().isCleanDisabled()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM act_ge_property WHERE name_ = 'schema.version'").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT current_setting('server_encoding')").query(String.class).single()).isEqualTo("UTF8");
    }

    @Test
    void theProductionProfileSeedsNoDemoData() throws Exception {
        assertThat(environment.getActiveProfiles()).containsExactly("postgres");
        assertThat(context.getBeanNamesForType(Class.forName("io.supplyguard.demo.DemoDataSeeder"))).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single()).isZero();
        // only the tests' own administrator (TestAdminAutoConfiguration), no demo users
        assertThat(identity.createUserQuery().list()).extracting(org.camunda.bpm.engine.identity.User::getId)
                .containsOnly(io.supplyguard.testsupport.TestAdminAutoConfiguration.USER);
    }
}
