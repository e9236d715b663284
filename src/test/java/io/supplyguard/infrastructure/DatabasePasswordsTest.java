package io.supplyguard.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/** No database user has an empty password: the embedded one generates its own, others must be given one. */
class DatabasePasswordsTest {

    @TempDir Path data;

    @Test
    void aNewEmbeddedDatabaseGetsAGeneratedPasswordOnlyItsOwnerCanRead() throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("supplyguard") + ";WRITE_DELAY=0";
        String password = configure(url, "");

        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        Path key = data.resolve("supplyguard.password");
        assertThat(Files.readString(key)).isEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        DriverManager.getConnection(url, "sa", password).close();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
        assertThat(configure(url, "")).as("the next start reads the same key").isEqualTo(password);
    }

    @Test
    void anExistingDatabaseWithAnEmptyPasswordIsGivenTheGeneratedOne() throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("old") + ";WRITE_DELAY=0";
        try (var connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("CREATE TABLE payment(id INT)");
        }
        String password = configure(url, "");

        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
        try (var connection = DriverManager.getConnection(url, "sa", password)) {
            assertThat(connection.getMetaData().getTables(null, null, "PAYMENT", null).next()).isTrue();
        }
    }

    @Test
    void aConfiguredPasswordWinsAndAnInMemoryDatabaseNeedsNone() {
        assertThat(configure("jdbc:h2:file:" + data.resolve("x"), "given")).isEqualTo("given");
        assertThat(data.resolve("x.password")).doesNotExist();
        assertThat(configure("jdbc:h2:mem:private", "")).isEmpty();
    }

    @Test
    void anyOtherDatabaseWithoutAPasswordRefusesToStart() {
        assertThatThrownBy(() -> configure("jdbc:postgresql://localhost:5432/supplyguard", ""))
                .hasMessageContaining("SUPPLYGUARD_DB_PASSWORD");
        assertThatThrownBy(() -> configure("jdbc:postgresql://localhost:5432/supplyguard", null))
                .hasMessageContaining("SUPPLYGUARD_DB_PASSWORD");
    }

    private static String configure(String url, String password) {
        DataSourceProperties properties = new DataSourceProperties();
        properties.setUrl(url);
        properties.setUsername("sa");
        properties.setPassword(password);
        new DatabasePasswords().postProcessAfterInitialization(properties, "dataSourceProperties");
        return properties.getPassword();
    }
}
