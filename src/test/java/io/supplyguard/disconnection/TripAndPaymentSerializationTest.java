package io.supplyguard.disconnection;

import io.supplyguard.switching.SwitchingQueueProbe;
import static io.supplyguard.disconnection.DisconnectionFixture.TUESDAY_10_00;
import static io.supplyguard.disconnection.DisconnectionFixture.now;
import static io.supplyguard.disconnection.DisconnectionFixture.setClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.RelayState;
import io.supplyguard.disconnection.DisconnectionFixture.TestCustomer;
import io.supplyguard.meter.MeterSimulation;
import io.supplyguard.reconnection.ReconnectionStarter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 14 item 4: payment and trip are serialized per customer by the account row lock. A payment
 * committed after the kernel's decision lets the trip go out — and the reconnection starts on its
 * own as soon as the trip's result is known, even though the payment's correlation makes the trip
 * job itself roll back (the case that used to leave a paid customer cut with no trace).
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class TripAndPaymentSerializationTest {

    @Autowired DisconnectionFixture fixture;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired MeterSimulation meters;
    @Autowired CustomerRegistry registry;
    @Autowired ReconnectionStarter reconnections;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void tearDown() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
        ClockUtil.reset();
    }

    @Test
    void aPaymentAfterTheDecisionLetsTheTripGoOutAndTheReconnectionStartsOnItsOwn() throws Exception {
        setClock(TUESDAY_10_00);
        TestCustomer c = fixture.customer();
        String pi = runtime.startProcessInstanceByKey("arrears-disconnection", c.customerNo(),
                Map.of("customerNo", c.customerNo(), "trigger", "TEST")).getId();
        fixture.runDueJobs();
        fixture.fireNextTimer(pi);
        DisconnectionFixture.completeAsCandidate(identity, tasks, tasks.createTaskQuery().processInstanceId(pi).singleResult().getId(),
                Map.of("noticePostedAt", now().toString(), "noticePlace", "单元楼门口", "noticeEvidenceRef", "IMG-RACE"));
        Job trip = untilTheTripJob(pi);

        meters.setLatency("bus-1", Duration.ofMillis(700)); // the trip's frames take seconds, as on a real bus
        try {
            CompletableFuture<Void> tripping = CompletableFuture.runAsync(() -> management.executeJob(trip.getId()));
            awaitAllowedDecision(pi);
            fixture.pay(c.customerNo(), "235.50", true); // booked while the trip runs; its correlation hits the instance
            try {
                tripping.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException rolledBack) {
                // the payment's correlation moved the instance on: the trip job's own transaction fails
            }
            // the job only queued the trip: the bus dispatcher sends it and records its result
            SwitchingQueueProbe.awaitDelivered(jdbc, null);
        } finally {
            meters.setLatency("bus-1", Duration.ZERO);
        }
        fixture.awaitEvents();

        assertThat(meters.tripFramesReceived("bus-1", c.address())).isOne();
        assertThat(meters.status("bus-1", c.address()).relayOpen()).isTrue();
        assertThat(registry.get(c.customerNo()).meter().relayState()).isEqualTo(RelayState.OPEN);
        assertThat(reconnections.runningFor(c.customerNo())).as("reconnection of the paid customer").isPresent();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM meter_command_frame f JOIN meter_command m ON m.id = f.command_id
                WHERE m.process_instance_id = ? AND f.step = 'CONTROL_TRIP'""").param(pi).query(Long.class).single())
                .as("the trip frame audited whatever became of the job").isOne();
    }

    private Job untilTheTripJob(String pi) {
        Job timer = management.createJobQuery().processInstanceId(pi).timers().singleResult();
        setClock(timer.getDuedate().toInstant().atOffset(TUESDAY_10_00.getOffset()));
        management.executeJob(timer.getId());
        management.executeJob(management.createJobQuery().processInstanceId(pi).activityId("Task_Reverify").singleResult().getId());
        return management.createJobQuery().processInstanceId(pi).activityId("Task_RemoteTrip").singleResult();
    }

    private void awaitAllowedDecision(String pi) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (jdbc.sql("SELECT COUNT(*) FROM switching_decision WHERE process_instance_id = ? AND allowed AND command = 'TRIP'")
                .param(pi).query(Long.class).single() == 0) {
            assertThat(System.nanoTime()).as("the kernel's decision within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
