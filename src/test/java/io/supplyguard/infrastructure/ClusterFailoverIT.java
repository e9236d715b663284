package io.supplyguard.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplyguard.meter.MeterSimulation.ReceivedFrame;
import io.supplyguard.meter.sim.FrameLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, "Verified by": two nodes of the packaged jar on one PostgreSQL, four meter buses over
 * TCP to four simulator processes, each of which counts a request that arrives on one connection
 * while another connection's transaction is on the line (a collision on a real half-duplex line).
 * Node A starts first and owns every bus; node B owns none. Cut customers pay through node B —
 * their reconnections run on A, the owner — and A is killed with SIGKILL in the middle of the
 * burst. Then:
 * <ul>
 * <li>B takes every bus over once A's lease has expired, and finishes every reconnection: none
 * lost (every customer restored, relay confirmed closed);</li>
 * <li>none sent twice (each meter received exactly one close frame: a command A had running is
 * run again by B only after the relay is read back);</li>
 * <li>0 collisions on every bus, and every frame the simulators received is in the audit.</li>
 * </ul>
 * It prints the seconds from the kill until each bus served its first frame again.
 * PostgreSQL only ({@code -Ppostgres-tests verify}).
 */
@EnabledIf("io.supplyguard.infrastructure.PostgresTestDatabases#enabled")
class ClusterFailoverIT {

    private static final int BUSES = 4;
    private static final int METERS_PER_BUS = 20;
    private static final Duration ALL_RESTORED_WITHIN = Duration.ofSeconds(150);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path workingDirectory;

    @Test
    void theSurvivorTakesTheBusesOverAndFinishesEveryCommandNoneLostNoneTwiceNoCollision() throws Exception {
        String admin = "cluster-admin";
        String password = UUID.randomUUID().toString();
        PostgresTestDatabases.Server postgres = PostgresTestDatabases.Server.fromSettings();
        String database = "sgtest_" + Instant.now().getEpochSecond() + "_cluster" + UUID.randomUUID().toString().substring(0, 6);
        Path logs = Files.createDirectories(Path.of("target", "cluster"));
        String run0 = String.format("%05d", Instant.now().getEpochSecond() % 100_000);
        postgres.create(database);
        List<PackagedJar.Simulator> simulators = new ArrayList<>();
        try {
            List<String> arguments = new ArrayList<>(List.of("--camunda.bpm.admin-user.id=" + admin,
                    "--camunda.bpm.admin-user.password=" + password, "--camunda.bpm.job-execution.lock-time-in-millis=15000"));
            Map<String, String> addressOf = new LinkedHashMap<>();
            for (int b = 1; b <= BUSES; b++) {
                String first = address(b, run0, 1);
                simulators.add(PackagedJar.simulator(logs.resolve("cluster-sim-" + b + ".log"), workingDirectory.resolve("frames-" + b + ".log"),
                        List.of("--meters", "" + METERS_PER_BUS, "--first-address", first, "--open", "--wire-time", "--baud", "2400")));
                arguments.add("--supplyguard.meter.buses[" + (b - 1) + "].id=bus-" + b);
                arguments.add("--supplyguard.meter.buses[" + (b - 1) + "].transport=TCP");
                arguments.add("--supplyguard.meter.buses[" + (b - 1) + "].tcp=" + simulators.get(b - 1).tcp());
                for (int i = 1; i <= METERS_PER_BUS; i++) {
                    String address = address(b, run0, i);
                    addressOf.put("4" + b + address.substring(4), address);
                }
            }
            Map<String, String> environment = Map.of("SPRING_PROFILES_ACTIVE", "postgres", "SUPPLYGUARD_DB_URL", postgres.urlOf(database),
                    "SUPPLYGUARD_DB_USER", postgres.user(), "SUPPLYGUARD_DB_PASSWORD", postgres.password());
            Path dirA = Files.createDirectories(workingDirectory.resolve("node-a"));
            Path dirB = Files.createDirectories(workingDirectory.resolve("node-b"));
            Instant killedAt;
            try (PackagedJar nodeA = PackagedJar.start(dirA, logs.resolve("node-a.log"), environment, with(arguments, "node-a"), admin,
                    password);
                 PackagedJar nodeB = PackagedJar.start(dirB, logs.resolve("node-b.log"), environment, with(arguments, "node-b"), admin,
                    password);
                 Connection db = DriverManager.getConnection(postgres.urlOf(database), postgres.user(), postgres.password())) {
                assertThat(ownership(nodeA).values()).as("node A started first and owns every bus").containsOnly("OWNED");
                assertThat(ownership(nodeB).values()).as("node B owns none").containsOnly("OWNED_ELSEWHERE");

                for (Map.Entry<String, String> customer : addressOf.entrySet()) {
                    SwitchingCrashRecoveryIT.register(nodeA, customer.getKey(), customer.getValue(),
                            "bus-" + customer.getValue().charAt(0), "OPEN");
                }
                for (String customerNo : addressOf.keySet()) { // paid through the node that owns no bus
                    ObjectNode payment = JSON.createObjectNode().put("paymentId", "CLUSTER-" + customerNo).put("customerNo", customerNo)
                            .put("amount", "235.50").put("paidAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusSeconds(5).toString())
                            .put("channel", "WECHAT");
                    var booked = nodeB.call("POST", "/api/payments", payment.toString());
                    assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
                }
                awaitCloseFrames(addressOf.size() / 4, Instant.now().plusSeconds(120));
                killedAt = Instant.now();
                nodeA.kill9(); // mid-burst: reconnections queued, running and on the wire

                Map<String, Instant> restored = SwitchingCrashRecoveryIT.awaitRestored(db, List.copyOf(addressOf.keySet()),
                        killedAt.plus(ALL_RESTORED_WITHIN));
                assertThat(ownership(nodeB).values()).as("node B owns every bus after the take-over").containsOnly("OWNED");

                List<ReceivedFrame> frames = new ArrayList<>();
                List<String> resumed = new ArrayList<>();
                long collisions = 0;
                for (int b = 1; b <= BUSES; b++) {
                    Path log = simulators.get(b - 1).frameLog();
                    List<ReceivedFrame> busFrames = FrameLog.read(log);
                    frames.addAll(busFrames);
                    collisions += FrameLog.collisions(log);
                    Instant firstAfter = busFrames.stream().map(ReceivedFrame::receivedAt).filter(t -> t.isAfter(killedAt)).min(Instant::compareTo)
                            .orElse(null);
                    resumed.add("bus-" + b + " " + (firstAfter == null ? "idle" : String.format("%.1f s", Duration.between(killedAt, firstAfter)
                            .toMillis() / 1000.0)));
                }
                Map<String, Long> closesPerMeter = frames.stream().filter(SwitchingCrashRecoveryIT::isClose)
                        .collect(Collectors.groupingBy(ReceivedFrame::address, Collectors.counting()));
                long matched = SwitchingCrashRecoveryIT.matched(frames, SwitchingCrashRecoveryIT.auditedFrames(db));
                long restoredBeforeKill = restored.values().stream().filter(t -> t != null && t.isBefore(killedAt)).count();
                System.out.printf("ClusterFailoverIT: %d reconnections over %d buses, %d restored before the kill of the owner, %d after;"
                                + " buses resumed after the kill: %s; collisions %d; close frames %d (meters closed twice: %d);"
                                + " frames received %d, audited %d%n",
                        addressOf.size(), BUSES, restoredBeforeKill, restored.values().stream().filter(t -> t != null).count() - restoredBeforeKill,
                        resumed, collisions, closesPerMeter.values().stream().mapToLong(Long::longValue).sum(),
                        closesPerMeter.values().stream().filter(n -> n > 1).count(), frames.size(), matched);

                assertThat(restored.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList())
                        .as("reconnections lost: not restored within " + ALL_RESTORED_WITHIN + " of the kill").isEmpty();
                assertThat(restoredBeforeKill).as("the kill came in the middle of the burst").isLessThan(addressOf.size());
                assertThat(collisions).as("requests that met another node's transaction on the line").isZero();
                for (String address : addressOf.values()) {
                    assertThat(closesPerMeter.getOrDefault(address, 0L)).as("close frames received by meter " + address).isEqualTo(1L);
                }
                assertThat(matched).as("frames the simulators received that are in the audit").isEqualTo(frames.size());
            }
        } finally {
            for (PackagedJar.Simulator simulator : simulators) {
                simulator.close();
            }
            postgres.drop(database);
        }
    }

    /** The meter address: the bus number, this run's digits, the meter's number on its bus. */
    private static String address(int bus, String run0, int meter) {
        return bus + run0 + String.format("%06d", meter);
    }

    private static List<String> with(List<String> arguments, String node) {
        List<String> all = new ArrayList<>(arguments);
        all.add("--supplyguard.node-id=" + node);
        return all;
    }

    /** Health component busOwnership as the administrator sees it: bus → OWNED, OWNED_ELSEWHERE, ... */
    private static Map<String, String> ownership(PackagedJar node) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            var health = node.call("GET", "/actuator/health", null);
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            JsonNode buses = JSON.readTree(health.body()).path("components").path("busOwnership").path("details").path("buses");
            assertThat(buses.isObject()).as("bus ownership in the health details: " + health.body()).isTrue();
            Map<String, String> states = new LinkedHashMap<>();
            buses.fields().forEachRemaining(e -> states.put(e.getKey(), e.getValue().path("ownership").asText()));
            boolean settled = states.values().stream().noneMatch(s -> s.equals("ELECTING") || s.equals("TAKING_OVER")
                    || s.equals("RELEASING"));
            if (settled || Instant.now().isAfter(deadline)) {
                return states;
            }
            Thread.sleep(250);
        }
    }

    private void awaitCloseFrames(int atLeast, Instant deadline) throws Exception {
        while (true) {
            long closes = 0;
            for (int b = 1; b <= BUSES; b++) {
                closes += FrameLog.read(workingDirectory.resolve("frames-" + b + ".log")).stream()
                        .filter(SwitchingCrashRecoveryIT::isClose).count();
            }
            if (closes >= atLeast) {
                return;
            }
            assertThat(Instant.now()).as("close frames on the wire before the kill (" + closes + " of " + atLeast + ")").isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
