package io.supplyguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Rule 5 of issue 15, on the artefact that is shipped: {@code java -jar} of the packaged jar without
 * a profile runs production — no demo users or customers — and refuses to start while a user has a
 * well-known password. Each start is a real JVM on a free port with a private in-memory database.
 */
class PackagedJarIT {

    static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    /** A started (or failed) jar, its output so far, and its port once Tomcat is up. */
    static final class RunningJar implements AutoCloseable {
        final Process process;
        final List<String> output = new ArrayList<>();
        final CountDownLatch startedOrEnded = new CountDownLatch(1);
        volatile int port;

        RunningJar(String... arguments) throws IOException {
            Path jar = Path.of(System.getProperty("supplyguard.jar", "target/supplyguard-0.1.0-SNAPSHOT.jar"));
            assertThat(Files.exists(jar)).as("packaged jar " + jar + " (run after mvn package)").isTrue();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "--server.port=0",
                    "--spring.datasource.url=jdbc:h2:mem:jar-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
            command.addAll(List.of(arguments));
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Thread reader = new Thread(this::read, "jar-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher port = PORT.matcher(line);
                    if (port.find()) {
                        this.port = Integer.parseInt(port.group(1));
                    }
                    if (line.contains("Started SupplyGuardApplication")) {
                        startedOrEnded.countDown();
                    }
                }
            } catch (IOException ended) {
                // the process is gone
            } finally {
                startedOrEnded.countDown();
            }
        }

        boolean started() throws InterruptedException {
            assertThat(startedOrEnded.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("jar started or ended in time").isTrue();
            return process.isAlive() && port > 0;
        }

        String output() {
            synchronized (output) {
                return String.join("\n", output);
            }
        }

        HttpResponse<String> get(String user, String password, String path) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .GET().build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void withoutAProfileTheJarRunsProductionWithoutDemoUsersOrCustomers() throws Exception {
        String password = "It-" + UUID.randomUUID();
        try (RunningJar jar = new RunningJar("--camunda.bpm.admin-user.id=root", "--camunda.bpm.admin-user.password=" + password)) {
            assertThat(jar.started()).as(jar.output()).isTrue();
            assertThat(jar.output()).contains("No active profile set").doesNotContain("Demo data:");

            HttpResponse<String> users = jar.get("root", password, "/engine-rest/user");
            assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
            assertThat(users.body()).contains("\"id\":\"root\"").doesNotContain("\"id\":\"admin\"").doesNotContain("\"id\":\"operator\"");
            assertThat(jar.get("admin", "admin", "/engine-rest/user").statusCode()).isEqualTo(401);
            assertThat(jar.get("root", password, "/api/customers/3200100001").statusCode()).as("no demo customers").isEqualTo(404);
        }
    }

    @Test
    void theJarRefusesToStartWhileAdminHasAKnownPassword() throws Exception {
        try (RunningJar jar = new RunningJar("--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=admin")) {
            assertThat(jar.started()).as(jar.output()).isFalse();
            assertThat(jar.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(jar.process.exitValue()).isNotZero();
            assertThat(jar.output()).contains("refusing to start: user(s) [admin] have a default or well-known password")
                    .doesNotContain("Tomcat started on port");
        }
    }
}
