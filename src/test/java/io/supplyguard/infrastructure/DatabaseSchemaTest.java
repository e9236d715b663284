package io.supplyguard.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * The schema comes up on whichever database the suite runs on (H2 by default, PostgreSQL with
 * {@code -Ppostgres-tests}): Flyway applied every migration, the engine created its tables and
 * both answer queries, with the registry's types (timestamps with time zone, money, identity
 * columns, the binding constraints) behaving the same on both.
 */
@SpringBootTest
@ActiveProfiles("test")
class DatabaseSchemaTest {

    @Autowired DataSource dataSource;
    @Autowired Flyway flyway;
    @Autowired ProcessEngine engine;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;

    @Test
    void runsOnTheDatabaseThisSuiteWasStartedFor() throws Exception {
        String product;
        try (var connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (PostgresTestDatabases.enabled()) {
            assertThat(product).isEqualTo("PostgreSQL");
            assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
        } else {
            assertThat(product).isEqualTo("H2");
            assertThat(configuration.getDatabaseType()).isEqualTo("h2");
        }
    }

    @Test
    void flywayAppliedEveryMigration() {
        var info = flyway.info();
        assertThat(info.pending()).isEmpty();
        assertThat(info.applied()).isNotEmpty().allSatisfy(migration -> assertThat(migration.getState().isFailed()).isFalse());
        assertThat(info.current().getVersion().getVersion()).isEqualTo(
                info.all()[info.all().length - 1].getVersion().getVersion());
    }

    @Test
    void camundaCreatedItsSchema() {
        assertThat(management.getProperties()).containsKey("schema.version");
        assertThat(management.getTableCount()).containsKeys("ACT_RU_EXECUTION", "ACT_RU_JOB", "ACT_HI_PROCINST", "ACT_ID_USER");
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isNotNegative();
    }

    @Test
    @Transactional
    void registryTablesAnswerAJoinAndKeepTheirConstraints() {
        var at = OffsetDateTime.of(2026, 3, 1, 9, 30, 0, 0, ZoneOffset.ofHours(8));
        jdbc.sql("""
                INSERT INTO customer (customer_no, name, address, usage_class, district, created_at, updated_at)
                VALUES ('9900000001', '测试用户', '沛县汉城路 8 号', 'RESIDENTIAL', 'TQ-TEST', :at, :at)""").param("at", at).update();
        jdbc.sql("INSERT INTO account (customer_no, arrears, updated_at) VALUES ('9900000001', 123.45, :at)").param("at", at).update();
        jdbc.sql("INSERT INTO meter (meter_no, comm_address, bus_id) VALUES ('990000000001', '990000000001', 'bus-test')").update();
        jdbc.sql("""
                INSERT INTO meter_binding (customer_no, meter_no, valid_from, active_meter_no, active_customer_no)
                VALUES ('9900000001', '990000000001', :at, '990000000001', '9900000001')""").param("at", at).update();

        var row = jdbc.sql("""
                SELECT c.name, a.arrears, m.relay_state, c.created_at
                  FROM customer c JOIN account a ON a.customer_no = c.customer_no
                  JOIN meter_binding b ON b.active_customer_no = c.customer_no
                  JOIN meter m ON m.meter_no = b.meter_no
                 WHERE c.district = 'TQ-TEST' AND a.arrears > 0""").query().singleRow();
        assertThat(row.get("name")).isEqualTo("测试用户");
        assertThat(row.get("arrears").toString()).isEqualTo("123.45");
        assertThat(row.get("relay_state")).isEqualTo("UNKNOWN");
        var createdAt = jdbc.sql("SELECT created_at FROM customer WHERE customer_no = '9900000001'").query(OffsetDateTime.class).single();
        assertThat(createdAt.toInstant()).isEqualTo(at.toInstant());

        // a second active binding for the same meter violates the unique constraint on both databases
        jdbc.sql("""
                INSERT INTO customer (customer_no, name, address, usage_class, district, created_at, updated_at)
                VALUES ('9900000002', '测试用户二', '沛县', 'RESIDENTIAL', 'TQ-TEST', :at, :at)""").param("at", at).update();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO meter_binding (customer_no, meter_no, valid_from, active_meter_no, active_customer_no)
                VALUES ('9900000002', '990000000001', :at, '990000000001', '9900000002')""").param("at", at).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }
}
