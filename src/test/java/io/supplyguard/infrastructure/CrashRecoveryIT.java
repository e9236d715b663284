package io.supplyguard.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash recovery as shipped: the packaged jar on its default embedded H2 (or, with
 * {@code SUPPLYGUARD_TEST_DB=postgres}, the {@code postgres} profile on a fresh PostgreSQL
 * database) takes a burst of writes — customers registered, disconnections started, payments of
 * cut customers booked — and is killed with SIGKILL right after the last answer. After a restart
 * in the same place every acknowledged write is there, and every process instance that was
 * started resumes: the job executor of the new process sends its reminder SMS. While it runs,
 * the application listens on its HTTP port and nothing else, and that port speaks HTTP.
 *
 * <p>The one setting changed from the shipped defaults is the job lock time (15 s instead of 5
 * min): a job the killed process had acquired stays locked by it until then, so as shipped the
 * same instances resume, five minutes later.
 */
class CrashRecoveryIT {

    private static final int CUT_CUSTOMERS = 20;
    private static final int DISCONNECTIONS = 10;
    private static final Duration RESUME_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path workingDirectory;

    @Test
    void aKilledJarLosesNothingItAcknowledgedAndResumesEveryProcess() throws Exception {
        String admin = "crash-admin";
        String password = UUID.randomUUID().toString();
        List<String> arguments = List.of("--camunda.bpm.admin-user.id=" + admin, "--camunda.bpm.admin-user.password=" + password,
                "--camunda.bpm.job-execution.lock-time-in-millis=15000");
        Map<String, String> environment = new HashMap<>();
        PostgresTestDatabases.Server postgres = PostgresTestDatabases.enabled() ? PostgresTestDatabases.Server.fromSettings() : null;
        String database = "sgtest_" + Instant.now().getEpochSecond() + "_crash" + UUID.randomUUID().toString().substring(0, 6);
        String label = postgres == null ? "H2 (embedded, as shipped)" : "PostgreSQL (profile postgres)";
        if (postgres != null) {
            postgres.create(database);
            environment.put("SPRING_PROFILES_ACTIVE", "postgres");
            environment.put("SUPPLYGUARD_DB_URL", postgres.urlOf(database));
            environment.put("SUPPLYGUARD_DB_USER", postgres.user());
            environment.put("SUPPLYGUARD_DB_PASSWORD", postgres.password());
        }
        Path logs = Files.createDirectories(Path.of("target", "crash-recovery"));
        String run = postgres == null ? "h2" : "postgres";
        List<String> customers = new ArrayList<>();
        List<String> payments = new ArrayList<>();
        List<String> instances = new ArrayList<>();
        try {
            try (PackagedJar app = PackagedJar.start(workingDirectory, logs.resolve(run + "-1.log"), environment, arguments, admin, password)) {
                onlyHttpListens(app);
                if (postgres == null) {
                    Path key = workingDirectory.resolve("data/supplyguard.password");
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
                }
                String run0 = String.format("%06d", Instant.now().getEpochSecond() % 1_000_000); // 10-digit customer numbers
                for (int i = 0; i < DISCONNECTIONS; i++) {
                    String customerNo = "37" + run0 + String.format("%02d", i);
                    register(app, customerNo, "CLOSED");
                    customers.add(customerNo);
                    var started = app.call("POST", "/engine-rest/process-definition/key/arrears-disconnection/start", JSON.writeValueAsString(
                            Map.of("businessKey", customerNo, "variables", Map.of("customerNo", Map.of("value", customerNo, "type", "String")))));
                    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
                    instances.add(JSON.readTree(started.body()).get("id").asText());
                }
                for (int i = 0; i < CUT_CUSTOMERS; i++) {
                    String customerNo = "38" + run0 + String.format("%02d", i);
                    register(app, customerNo, "OPEN");
                    customers.add(customerNo);
                }
                for (String customerNo : customers.subList(DISCONNECTIONS, customers.size())) {
                    String paymentId = "CRASH-" + customerNo;
                    ObjectNode payment = JSON.createObjectNode().put("paymentId", paymentId).put("customerNo", customerNo)
                            .put("amount", "235.50").put("paidAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusSeconds(5).toString())
                            .put("channel", "WECHAT");
                    var booked = app.call("POST", "/api/payments", payment.toString());
                    assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
                    payments.add(paymentId);
                }
                app.kill9(); // right after the last acknowledged payment
            }

            try (PackagedJar again = PackagedJar.start(workingDirectory, logs.resolve(run + "-2.log"), environment, arguments, admin, password)) {
                int customersPresent = 0;
                for (String customerNo : customers) {
                    customersPresent += again.call("GET", "/api/customers/" + customerNo, null).statusCode() == 200 ? 1 : 0;
                }
                int paymentsPresent = 0;
                for (String paymentId : payments) {
                    paymentsPresent += again.call("GET", "/api/payments/" + paymentId, null).statusCode() == 200 ? 1 : 0;
                }
                int instancesPresent = 0;
                for (String id : instances) {
                    instancesPresent += JSON.readTree(again.call("GET", "/engine-rest/history/process-instance?processInstanceId=" + id,
                            null).body()).size();
                }
                int resumed = awaitResumed(again, instances);
                int reconnecting = countReconnectionsStarted(again, customers.subList(DISCONNECTIONS, customers.size()));
                System.out.printf("CrashRecoveryIT %s: customers acknowledged %d, present %d; payments acknowledged %d, present %d; "
                                + "disconnections started %d, present %d, resumed %d; paid cut customers with a reconnection %d of %d%n",
                        label, customers.size(), customersPresent, payments.size(), paymentsPresent, instances.size(), instancesPresent,
                        resumed, reconnecting, payments.size());
                assertThat(customersPresent).as("registrations present after the kill").isEqualTo(customers.size());
                assertThat(paymentsPresent).as("payments present after the kill").isEqualTo(payments.size());
                assertThat(instancesPresent).as("process instances present after the kill").isEqualTo(instances.size());
                assertThat(resumed).as("process instances resumed after the restart").isEqualTo(instances.size());
                onlyHttpListens(again);
            }
        } finally {
            if (postgres != null) {
                postgres.drop(database);
            }
        }
    }

    private static void register(PackagedJar app, String customerNo, String relayState) throws Exception {
        ObjectNode c = JSON.createObjectNode().put("customerNo", customerNo).put("name", "王五").put("address", "沛县汉城路 18 号")
                .put("usageClass", "RESIDENTIAL").put("district", "TQ-001").put("agreementSignedOn", "2024-03-01");
        c.putArray("contacts").addObject().put("phone", "13912345678").put("role", "OWNER").put("status", "VALID")
                .put("verifiedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1).toString());
        c.putObject("meter").put("meterNo", "00" + customerNo).put("commAddress", "00" + customerNo).put("busId", "bus-1")
                .put("relayState", relayState);
        c.putObject("account").put("balance", "0.00").put("arrears", "235.50").put("overdueSince", "2026-10-01");
        var answer = app.call("POST", "/api/customers", c.toString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    /** Instances whose reminder step (the first asynchronous one) has run since the start. */
    private static int awaitResumed(PackagedJar app, List<String> instances) throws Exception {
        Instant deadline = Instant.now().plus(RESUME_TIMEOUT);
        int resumed = 0;
        while (true) {
            resumed = 0;
            for (String id : instances) {
                JsonNode done = JSON.readTree(app.call("GET", "/engine-rest/history/activity-instance?processInstanceId=" + id
                        + "&activityId=Task_SendReminder&finished=true", null).body());
                resumed += done.size() > 0 ? 1 : 0;
            }
            if (resumed == instances.size() || Instant.now().isAfter(deadline)) {
                return resumed;
            }
            Thread.sleep(1000);
        }
    }

    /** Informational (the durable payment trigger is issue 14's): paid customers with a reconnection started. */
    private static int countReconnectionsStarted(PackagedJar app, List<String> paid) throws Exception {
        int started = 0;
        for (String customerNo : paid) {
            started += JSON.readTree(app.call("GET", "/engine-rest/history/process-instance?processDefinitionKey=payment-reconnection"
                    + "&processInstanceBusinessKey=" + customerNo, null).body()).size() > 0 ? 1 : 0;
        }
        return started;
    }

    /** The application's only listening socket is its HTTP port, and it answers HTTP there. */
    private static void onlyHttpListens(PackagedJar app) throws IOException {
        assertThat(app.listeningPorts()).as("TCP ports process " + app.pid() + " listens on").containsExactly(app.port());
        try (Socket socket = new Socket("localhost", app.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
        }
    }
}
