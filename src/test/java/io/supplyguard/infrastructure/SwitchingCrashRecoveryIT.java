package io.supplyguard.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplyguard.meter.ControlCommand;
import io.supplyguard.meter.MeterSimulation.ReceivedFrame;
import io.supplyguard.meter.dlt645.Dlt645;
import io.supplyguard.meter.sim.FrameLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, "Verified by": the packaged jar on PostgreSQL, its two meter buses over TCP to two
 * simulator processes ({@code java -jar … simulator}, each logging every frame it receives). 50
 * customers already cut (relays open) pay while the district manager's notices send 50
 * disconnections to their trips on a bus as slow as a 4800-baud wire; the jar is killed with SIGKILL
 * right after the last acknowledged payment, with the trips in flight, and restarted. Then:
 * <ul>
 * <li>every paid customer is reconnected (relay confirmed closed by read-back) within 60 s of the
 * restart — stored payment events republished, switching commands left without an outcome settled;</li>
 * <li>every frame either simulator received is in the audit ({@code meter_command_frame}), before
 * and after the kill.</li>
 * </ul>
 * The job lock time is 15 s (as in {@link CrashRecoveryIT}); PostgreSQL only ({@code -Ppostgres-tests verify}).
 */
@EnabledIf("io.supplyguard.infrastructure.PostgresTestDatabases#enabled")
class SwitchingCrashRecoveryIT {

    private static final int PAID = 50;
    private static final int TRIPS = 50;
    private static final Duration RECONNECTED_WITHIN = Duration.ofSeconds(60);
    private static final String DISTRICT = "TQ-001";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path workingDirectory;

    @Test
    void paidCustomersAreReconnectedAfterAKillAndEveryFrameOnTheWireIsAudited() throws Exception {
        String admin = "crash-admin";
        String password = UUID.randomUUID().toString();
        PostgresTestDatabases.Server postgres = PostgresTestDatabases.Server.fromSettings();
        String database = "sgtest_" + Instant.now().getEpochSecond() + "_switchcrash" + UUID.randomUUID().toString().substring(0, 6);
        Path logs = Files.createDirectories(Path.of("target", "crash-recovery"));
        String run0 = String.format("%05d", Instant.now().getEpochSecond() % 100_000);
        postgres.create(database);
        try (PackagedJar.Simulator cutBus = PackagedJar.simulator(logs.resolve("switching-sim-cut.log"),
                workingDirectory.resolve("frames-cut.log"), List.of("--meters", "" + PAID, "--first-address", "5" + run0 + "000001", "--open"));
             PackagedJar.Simulator tripBus = PackagedJar.simulator(logs.resolve("switching-sim-trip.log"),
                workingDirectory.resolve("frames-trip.log"), List.of("--meters", "" + TRIPS, "--first-address", "6" + run0 + "000001",
                        "--wire-time", "--baud", "4800"))) {
            Map<String, String> environment = Map.of("SPRING_PROFILES_ACTIVE", "postgres", "SUPPLYGUARD_DB_URL", postgres.urlOf(database),
                    "SUPPLYGUARD_DB_USER", postgres.user(), "SUPPLYGUARD_DB_PASSWORD", postgres.password());
            List<String> arguments = List.of("--camunda.bpm.admin-user.id=" + admin, "--camunda.bpm.admin-user.password=" + password,
                    "--camunda.bpm.job-execution.lock-time-in-millis=15000",
                    "--supplyguard.disconnection.reminder-period=PT0S", "--supplyguard.disconnection.notice-day=PT0S",
                    "--supplyguard.execution-window.opens-at=00:00", "--supplyguard.execution-window.closes-at=23:59:59.999999999",
                    "--supplyguard.execution-window.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
                    "--supplyguard.execution-window.observe-holiday-calendar=false",
                    "--supplyguard.meter.buses[0].id=bus-cut", "--supplyguard.meter.buses[0].transport=TCP",
                    "--supplyguard.meter.buses[0].tcp=" + cutBus.tcp(),
                    "--supplyguard.meter.buses[1].id=bus-trip", "--supplyguard.meter.buses[1].transport=TCP",
                    "--supplyguard.meter.buses[1].tcp=" + tripBus.tcp());
            String manager = "crash-manager";
            String managerPassword = UUID.randomUUID().toString();
            List<String> paid = new ArrayList<>();
            Map<String, String> addressOf = new HashMap<>();
            long tripFramesBeforeKill;
            try (PackagedJar app = PackagedJar.start(workingDirectory, logs.resolve("switching-1.log"), environment, arguments, admin,
                    password)) {
                districtManager(app, manager, managerPassword);
                for (int i = 1; i <= TRIPS; i++) {
                    String address = "6" + run0 + String.format("%06d", i);
                    String customerNo = "36" + address.substring(4);
                    register(app, customerNo, address, "bus-trip", "CLOSED");
                    addressOf.put(customerNo, address);
                    var started = app.call("POST", "/engine-rest/process-definition/key/arrears-disconnection/start", JSON.writeValueAsString(
                            Map.of("businessKey", customerNo, "variables", Map.of("customerNo", Map.of("value", customerNo, "type", "String")))));
                    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
                }
                for (int i = 1; i <= PAID; i++) {
                    String address = "5" + run0 + String.format("%06d", i);
                    String customerNo = "35" + address.substring(4);
                    register(app, customerNo, address, "bus-cut", "OPEN");
                    addressOf.put(customerNo, address);
                    paid.add(customerNo);
                }
                postNotices(app, manager, managerPassword);
                for (String customerNo : paid) {
                    ObjectNode payment = JSON.createObjectNode().put("paymentId", "SWCRASH-" + customerNo).put("customerNo", customerNo)
                            .put("amount", "235.50").put("paidAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusSeconds(5).toString())
                            .put("channel", "WECHAT");
                    var booked = app.call("POST", "/api/payments", payment.toString());
                    assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
                }
                app.kill9(); // right after the last acknowledged payment, trips queued and on the wire
                tripFramesBeforeKill = FrameLog.read(tripBus.frameLog()).stream().filter(ReceivedFrame::isTrip).count();
            }
            long restoredBeforeKill;
            try (Connection db = DriverManager.getConnection(postgres.urlOf(database), postgres.user(), postgres.password())) {
                restoredBeforeKill = restoredAt(db, paid).values().stream().filter(t -> t != null).count();
            }

            Instant restart = Instant.now();
            try (PackagedJar again = PackagedJar.start(workingDirectory, logs.resolve("switching-2.log"), environment, arguments, admin,
                    password);
                 Connection db = DriverManager.getConnection(postgres.urlOf(database), postgres.user(), postgres.password())) {
                Instant healthy = Instant.now();
                Map<String, Instant> restored = awaitRestored(db, paid, healthy.plus(RECONNECTED_WITHIN));
                Duration slowest = restored.values().stream().filter(t -> t != null && t.isAfter(healthy))
                        .map(t -> Duration.between(healthy, t)).max(Duration::compareTo).orElse(Duration.ZERO);

                // the simulators' records first: a frame row is committed before its request is queued
                List<ReceivedFrame> cutFrames = FrameLog.read(cutBus.frameLog());
                List<ReceivedFrame> tripFrames = FrameLog.read(tripBus.frameLog());
                Map<String, Map<String, Long>> audited = auditedFrames(db);
                long received = cutFrames.size() + tripFrames.size();
                long matched = matched(cutFrames, audited) + matched(tripFrames, audited);
                long tripsReceived = tripFrames.stream().filter(ReceivedFrame::isTrip).count();
                long closesReceived = cutFrames.stream().filter(SwitchingCrashRecoveryIT::isClose).count();
                System.out.printf("SwitchingCrashRecoveryIT: %d paid cut customers, %d restored before the kill, %d after; slowest %.1f s"
                                + " after the restarted jar was healthy (%.1f s after the restart began); frames received %d, audited %d"
                                + " (trip frames %d before the kill, %d in all; close frames %d)%n",
                        PAID, restoredBeforeKill, restored.values().stream().filter(t -> t != null).count() - restoredBeforeKill,
                        slowest.toMillis() / 1000.0, (Duration.between(restart, healthy).toMillis() + slowest.toMillis()) / 1000.0,
                        received, matched, tripFramesBeforeKill, tripsReceived, closesReceived);

                assertThat(restored.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList())
                        .as("paid customers not reconnected within " + RECONNECTED_WITHIN + " of the restart").isEmpty();
                for (String customerNo : paid) {
                    String address = addressOf.get(customerNo);
                    assertThat(cutFrames).as("close frame received by the meter of " + customerNo)
                            .anyMatch(f -> f.address().equals(address) && isClose(f));
                }
                assertThat(matched).as("frames the simulators received that are in the audit").isEqualTo(received);
                assertThat(tripsReceived).as("trip frames went out around the kill").isPositive();
            }
        } finally {
            postgres.drop(database);
        }
    }

    static boolean isClose(ReceivedFrame frame) {
        return frame.function() == Dlt645.CONTROL && frame.n1() == ControlCommand.DIRECT_CLOSE.n1();
    }

    /** A district manager of TQ-001 (the production profile has the role groups, not the districts). */
    private static void districtManager(PackagedJar app, String user, String password) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("profile").put("id", user).put("firstName", "台区").put("lastName", "经理");
        body.putObject("credentials").put("password", password);
        assertThat(app.call("POST", "/engine-rest/user/create", body.toString()).statusCode()).isEqualTo(204);
        String group = "district-managers-" + DISTRICT;
        var created = app.call("POST", "/engine-rest/group/create", JSON.createObjectNode().put("id", group).put("name", "台区经理 " + DISTRICT)
                .put("type", "WORKFLOW").toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        for (String g : List.of(group, "district-managers")) {
            var member = app.call("PUT", "/engine-rest/group/" + g + "/members/" + user, null);
            assertThat(member.statusCode()).as(member.body()).isEqualTo(204);
        }
    }

    /** The manager posts every notice as soon as its task is there, over engine REST with his own password. */
    private static void postNotices(PackagedJar app, String manager, String password) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        int posted = 0;
        while (posted < TRIPS) {
            assertThat(Instant.now()).as("notice tasks of all " + TRIPS + " disconnections (" + posted + " posted)").isBefore(deadline);
            JsonNode tasks = JSON.readTree(app.call("GET", "/engine-rest/task?processDefinitionKey=arrears-disconnection"
                    + "&taskDefinitionKey=Task_RecordNoticePosting", null).body());
            for (JsonNode task : tasks) {
                ObjectNode variables = JSON.createObjectNode();
                variables.putObject("variables").<ObjectNode>putObject("noticePostedAt")
                        .put("value", OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.MILLIS).toString());
                ((ObjectNode) variables.get("variables")).putObject("noticePlace").put("value", "单元楼门口");
                ((ObjectNode) variables.get("variables")).putObject("noticeEvidenceRef").put("value", "IMG-CRASH");
                var completed = app.callAs(manager, password, "POST", "/engine-rest/task/" + task.get("id").asText() + "/complete",
                        variables.toString());
                assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
                posted++;
            }
            if (tasks.isEmpty()) {
                Thread.sleep(200);
            }
        }
    }

    static void register(PackagedJar app, String customerNo, String address, String busId, String relayState) throws Exception {
        ObjectNode c = JSON.createObjectNode().put("customerNo", customerNo).put("name", "赵六").put("address", "沛县汉城路 28 号")
                .put("usageClass", "RESIDENTIAL").put("district", DISTRICT).put("agreementSignedOn", "2024-03-01");
        c.putArray("contacts").addObject().put("phone", "13912345678").put("role", "OWNER").put("status", "VALID")
                .put("verifiedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1).toString());
        c.putObject("meter").put("meterNo", address).put("commAddress", address).put("busId", busId).put("relayState", relayState);
        c.putObject("account").put("balance", "0.00").put("arrears", "235.50").put("overdueSince", "2026-10-01");
        var answer = app.call("POST", "/api/customers", c.toString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    /** When each customer's payment reconnection confirmed the relay closed; null while not restored. */
    static Map<String, Instant> restoredAt(Connection db, List<String> customers) throws Exception {
        Map<String, Instant> restored = new HashMap<>();
        customers.forEach(c -> restored.put(c, null));
        try (ResultSet rs = db.createStatement().executeQuery(
                "SELECT customer_no, MIN(restored_at) FROM reconnection WHERE kind = 'PAYMENT' AND restored_at IS NOT NULL GROUP BY customer_no")) {
            while (rs.next()) {
                if (restored.containsKey(rs.getString(1))) {
                    restored.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        }
        return restored;
    }

    static Map<String, Instant> awaitRestored(Connection db, List<String> customers, Instant deadline) throws Exception {
        while (true) {
            Map<String, Instant> restored = restoredAt(db, customers);
            if (!restored.containsValue(null) || Instant.now().isAfter(deadline)) {
                return restored;
            }
            Thread.sleep(500);
        }
    }

    static Map<String, Map<String, Long>> auditedFrames(Connection db) throws Exception {
        Map<String, Map<String, Long>> audited = new HashMap<>();
        try (ResultSet rs = db.createStatement().executeQuery(
                "SELECT c.meter_address, f.request_hex FROM meter_command_frame f JOIN meter_command c ON c.id = f.command_id")) {
            while (rs.next()) {
                audited.computeIfAbsent(rs.getString(1), a -> new HashMap<>())
                        .merge(ReceivedFrame.withoutWakeUps(rs.getString(2)), 1L, Long::sum);
            }
        }
        return audited;
    }

    /** How many of the received frames have an audit row (per meter and frame, never more than the audit holds). */
    static long matched(List<ReceivedFrame> frames, Map<String, Map<String, Long>> audited) {
        return frames.stream().collect(Collectors.groupingBy(f -> f.address() + " " + f.hex(), Collectors.counting()))
                .entrySet().stream().mapToLong(e -> {
                    String[] key = e.getKey().split(" ");
                    return Math.min(e.getValue(), audited.getOrDefault(key[0], Map.of()).getOrDefault(key[1], 0L));
                }).sum();
    }
}
