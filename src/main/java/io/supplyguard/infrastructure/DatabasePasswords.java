package io.supplyguard.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * No database user has an empty password. A configured password always wins. Without one, the
 * embedded H2 file database gets its own: generated on the first start into
 * {@code <database>.password} beside it, readable by its owner only; a database created
 * before (user {@code sa}, empty password) is given that password once. A private in-memory
 * database ({@code jdbc:h2:mem:}, tests) is reachable only from inside this JVM and keeps none;
 * any other database without a password refuses to start.
 */
@Component
class DatabasePasswords implements BeanPostProcessor {

    private static final String H2_FILE = "jdbc:h2:file:";
    private static final Pattern PLAIN_USER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties properties) {
            String password = properties.getPassword();
            String url = properties.getUrl();
            if ((password == null || password.isEmpty()) && url != null && !url.startsWith("jdbc:h2:mem:")) {
                properties.setPassword(embeddedPassword(url, properties.getUsername()));
            }
        }
        return bean;
    }

    static String embeddedPassword(String url, String user) {
        if (!url.startsWith(H2_FILE)) {
            throw new IllegalStateException("no password configured for " + url
                    + ": set SUPPLYGUARD_DB_PASSWORD (no database user may have an empty password)");
        }
        if (user == null || !PLAIN_USER.matcher(user).matches()) {
            throw new IllegalStateException("embedded database user must be a plain name, not " + user);
        }
        Path database = databasePath(url);
        Path key = database.resolveSibling(database.getFileName() + ".password");
        if (Files.exists(key)) {
            return read(key);
        }
        // written first, moved into place only once the database has it: a crash in between
        // leaves the pending key, which the next start applies again
        Path pending = database.resolveSibling(database.getFileName() + ".password.pending");
        String password = Files.exists(pending) ? read(pending) : writeNew(pending);
        if (Files.exists(database.resolveSibling(database.getFileName() + ".mv.db"))) {
            giveExistingDatabase(url, user, password);
        }
        try {
            Files.move(pending, key, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return password;
    }

    /** A database created with an empty password (earlier versions) gets the generated one. */
    private static void giveExistingDatabase(String url, String user, String password) {
        try (var connection = DriverManager.getConnection(url, user, "");
                var statement = connection.createStatement()) {
            statement.execute("ALTER USER " + user + " SET PASSWORD '" + password + "'");
        } catch (SQLException e) {
            if (e.getErrorCode() != 28000) { // 28000: wrong user name or password, i.e. it has one already
                throw new IllegalStateException("could not set the embedded database's password: " + e.getMessage(), e);
            }
        }
    }

    static Path databasePath(String url) {
        String path = url.substring(H2_FILE.length()).split(";", 2)[0];
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path).toAbsolutePath().normalize();
    }

    private static String writeNew(Path file) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        try {
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, password, StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return password;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
