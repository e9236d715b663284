package io.supplyguard.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application ({@code mvn package}'s jar, path in system property
 * {@code supplyguard.jar}) as an operator starts it: {@code java -jar} in a working directory of
 * its own, on a free port, output to a log file. {@link #kill9()} sends SIGKILL. Integration
 * tests (failsafe, after {@code package}) only.
 */
final class PackagedJar implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Process process;
    private final int port;
    private final Path log;
    private final String authorization;

    private PackagedJar(Process process, int port, Path log, String user, String password) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.authorization = basic(user, password);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Starts the jar and waits until {@code /actuator/health} answers UP. */
    static PackagedJar start(Path workingDirectory, Path log, Map<String, String> environment, List<String> arguments,
            String user, String password) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = javaJar("-Xmx768m", arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        PackagedJar app = new PackagedJar(builder.start(), port, log, user, password);
        app.awaitHealthy();
        return app;
    }

    private static List<String> javaJar(String heap, List<String> arguments) {
        String jar = System.getProperty("supplyguard.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("system property supplyguard.jar must name the packaged jar (mvn verify sets it): " + jar);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar)); // quicker cold start
        command.addAll(arguments);
        return command;
    }

    /**
     * {@code java -jar … simulator} as a process of its own: a simulated bus behind a free loopback
     * TCP port, every request frame it receives appended to {@code frameLog} before it is answered.
     */
    static Simulator simulator(Path log, Path frameLog, List<String> arguments) throws IOException, InterruptedException {
        List<String> simulatorArguments = new ArrayList<>(List.of("simulator", "--tcp-listen", "127.0.0.1:0",
                "--frame-log", frameLog.toString()));
        simulatorArguments.addAll(arguments);
        Files.deleteIfExists(log); // the port is read from this run's own output
        Process process = new ProcessBuilder(javaJar("-Xmx256m", simulatorArguments)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Pattern listening = Pattern.compile("on tcp 127\\.0\\.0\\.1:(\\d+)");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the simulator exited with " + process.exitValue() + "; see " + log);
            }
            Matcher port = listening.matcher(Files.readString(log));
            if (port.find()) {
                return new Simulator(process, Integer.parseInt(port.group(1)), frameLog);
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the simulator did not listen within " + START_TIMEOUT + "; see " + log);
    }

    /** A standalone simulator process; {@link #close()} kills it. */
    record Simulator(Process process, int port, Path frameLog) implements AutoCloseable {

        String tcp() {
            return "127.0.0.1:" + port;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private void awaitHealthy() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the jar exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var health = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the jar did not become healthy within " + START_TIMEOUT + "; see " + log);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** An authenticated JSON request; the status and body of the answer. */
    HttpResponse<String> call(String method, String path, String json) throws IOException, InterruptedException {
        return call(authorization, method, path, json);
    }

    /** The same as another user (a district manager completing his own task, say). */
    HttpResponse<String> callAs(String user, String password, String method, String path, String json)
            throws IOException, InterruptedException {
        return call(basic(user, password), method, path, json);
    }

    private HttpResponse<String> call(String authorization, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** SIGKILL: no shutdown hook, no connection pool close, no database shutdown. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * The TCP ports this process listens on, from {@code /proc/net/tcp*}: the inodes of its
     * socket descriptors matched against the listening sockets of the machine.
     */
    Set<Integer> listeningPorts() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // descriptor closed while listing
                }
            }
        }
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            // read once: the table changes while other processes open and close sockets
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                // columns: sl local_address rem_address st ... inode (10th); st 0A = LISTEN
                if (columns.length > 9 && "0A".equals(columns[3]) && inodes.contains(columns[9])) {
                    ports.add(Integer.parseInt(columns[1].substring(columns[1].indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
