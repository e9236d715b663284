package io.supplyguard.infrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ObjectUtils;

/**
 * Runs the test suite against PostgreSQL: with {@code SUPPLYGUARD_TEST_DB=postgres} (system
 * property or environment variable; the Maven profile {@code postgres-tests} sets it) every
 * Spring application context gets a freshly created, uniquely named PostgreSQL database instead of
 * its private in-memory H2 database, so Flyway and the Camunda schema start from nothing in each
 * context exactly as they do on H2. The database is dropped when the context closes (after its
 * connection pool), and databases left behind by a killed run are dropped after a day.
 *
 * <p>The server is reached with {@code SUPPLYGUARD_TEST_DB_URL} (a JDBC URL of any database the
 * role may connect to; default {@code jdbc:postgresql://localhost:5432/postgres}),
 * {@code SUPPLYGUARD_TEST_DB_USER} and {@code SUPPLYGUARD_TEST_DB_PASSWORD} (default
 * {@code supplyguard}/{@code supplyguard}, as {@code .ci/postgres.sh} creates them); the role
 * needs {@code CREATEDB}. Without the switch this initializer does nothing and the tests use H2.
 *
 * <p>Registered for every context in {@code src/test/resources/META-INF/spring.factories}.
 */
public class PostgresTestDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    public static final String SWITCH = "SUPPLYGUARD_TEST_DB";
    static final String PREFIX = "sgtest_";
    private static final Pattern SERVER_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*)(?:/([^?]*))?(\\?.*)?$");
    private static final long STALE_AFTER_SECONDS = 24 * 3600;
    private static final AtomicBoolean staleDropped = new AtomicBoolean();
    private static final Log log = LogFactory.getLog(PostgresTestDatabases.class);

    /** True when this test run uses PostgreSQL instead of H2. */
    public static boolean enabled() {
        return "postgres".equalsIgnoreCase(setting(SWITCH, ""));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!enabled()) {
            return;
        }
        Server server = Server.fromSettings();
        if (staleDropped.compareAndSet(false, true)) {
            server.dropStale();
        }
        String database = PREFIX + Instant.now().getEpochSecond() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        server.create(database);

        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", server.urlOf(database));
        properties.put("spring.datasource.username", server.user);
        properties.put("spring.datasource.password", server.password);
        properties.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
        // many cached contexts live side by side: keep each pool small and let idle ones shrink
        properties.put("spring.datasource.hikari.maximum-pool-size", "12");
        properties.put("spring.datasource.hikari.minimum-idle", "1");
        properties.put("spring.datasource.hikari.idle-timeout", "10000");
        properties.put("camunda.bpm.database.type", "postgres");
        ConfigurableEnvironment environment = context.getEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("supplyguardTestPostgres", properties));

        // drop the database after everything that uses it is gone: the DataSource depends on the
        // dropper, so the dropper is destroyed after the DataSource (and after the engine, Flyway...)
        String dropperName = PostgresTestDatabases.class.getName() + ".dropper";
        context.addBeanFactoryPostProcessor((BeanFactoryPostProcessor) beanFactory -> {
            RootBeanDefinition dropper = new RootBeanDefinition(Dropper.class, () -> new Dropper(server, database));
            dropper.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
            ((BeanDefinitionRegistry) beanFactory).registerBeanDefinition(dropperName, dropper);
            for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                String[] dependsOn = definition.getDependsOn();
                definition.setDependsOn(ObjectUtils.addObjectToArray(dependsOn == null ? new String[0] : dependsOn, dropperName));
            }
        });
        log.info("Test context uses PostgreSQL database " + database);
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Drops its context's database when the context is destroyed. */
    record Dropper(Server server, String database) implements DisposableBean {
        @Override
        public void destroy() {
            server.drop(database);
        }
    }

    record Server(String prefix, String maintenanceUrl, String suffix, String user, String password) {

        static Server fromSettings() {
            String url = setting("SUPPLYGUARD_TEST_DB_URL", "jdbc:postgresql://localhost:5432/postgres");
            Matcher matcher = SERVER_URL.matcher(url);
            if (!matcher.matches()) {
                throw new IllegalStateException("SUPPLYGUARD_TEST_DB_URL must be jdbc:postgresql://host[:port]/database, not " + url);
            }
            String suffix = matcher.group(3) == null ? "" : matcher.group(3);
            return new Server(matcher.group(1), url, suffix,
                    setting("SUPPLYGUARD_TEST_DB_USER", "supplyguard"), setting("SUPPLYGUARD_TEST_DB_PASSWORD", "supplyguard"));
        }

        String urlOf(String database) {
            return prefix + "/" + database + suffix;
        }

        void create(String database) {
            execute("CREATE DATABASE " + database + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        }

        void drop(String database) {
            try {
                execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (RuntimeException e) {
                log.warn("Could not drop test database " + database + ": " + e.getMessage());
            }
        }

        void dropStale() {
            long now = Instant.now().getEpochSecond();
            List<String> stale = new ArrayList<>();
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'sgtest\\_%'")) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    String[] parts = name.split("_");
                    if (parts.length == 3 && parts[1].matches("\\d+") && now - Long.parseLong(parts[1]) > STALE_AFTER_SECONDS) {
                        stale.add(name);
                    }
                }
            } catch (SQLException e) {
                throw unreachable(e);
            }
            stale.forEach(this::drop);
        }

        private void execute(String sql) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw unreachable(e);
            }
        }

        private Connection connect() throws SQLException {
            return DriverManager.getConnection(maintenanceUrl, user, password);
        }

        private IllegalStateException unreachable(SQLException e) {
            return new IllegalStateException("SUPPLYGUARD_TEST_DB=postgres but PostgreSQL at " + maintenanceUrl + " as " + user
                    + " failed (" + e.getMessage() + "). Start it with .ci/postgres.sh or set SUPPLYGUARD_TEST_DB_URL/_USER/_PASSWORD.", e);
        }
    }
}
