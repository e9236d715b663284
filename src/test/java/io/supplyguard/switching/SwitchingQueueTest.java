package io.supplyguard.switching;

import static io.supplyguard.disconnection.DisconnectionFixture.TUESDAY_10_00;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.disconnection.DisconnectionFixture;
import io.supplyguard.disconnection.DisconnectionScenarios;
import io.supplyguard.disconnection.DisconnectionScenarios.Customer;
import io.supplyguard.meter.ControlCommand;
import io.supplyguard.meter.MeterSimulation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 16: no engine thread waits on a bus. A switching step's job hands its command to the
 * kernel's durable queue and ends; the bus's dispatcher sends the frames and signals the waiting
 * execution with the result the kernel recorded — nobody else can move it on. The bus dispatcher
 * is stopped where a test must see the step waiting (no timing involved).
 * Same annotations as the forgery tests (demo users, password = user id): it shares their context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class SwitchingQueueTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired MeterSimulation meters;
    @Autowired SwitchingDispatcher dispatcher;
    @Autowired SwitchingCommands commands;
    @Autowired JdbcClient jdbc;

    DisconnectionScenarios scenarios;

    @BeforeEach
    void setUp() {
        scenarios = new DisconnectionScenarios(context);
    }

    @AfterEach
    void tearDown() {
        dispatcher.start(DisconnectionFixture.BUS);
        SwitchingQueueProbe.awaitDelivered(jdbc, null);
        scenarios.close();
    }

    @Test
    void theTripJobOnlyQueuesTheCommandAndTheBusDispatcherSendsItAndMovesTheProcessOn() {
        Customer c = scenarios.customer("TQ-001");
        String pi = atTheTripJob(c);
        dispatcher.stop(DisconnectionFixture.BUS);

        management.executeJob(tripJob(pi).getId());

        assertThat(management.createJobQuery().processInstanceId(pi).activityId("Task_RemoteTrip").count())
                .as("the job's transaction has ended").isZero();
        assertThat(waitingAtTheTrip(pi)).as("the execution waits in the step").isNotNull();
        assertThat(jdbc.sql("SELECT state FROM switching_command WHERE process_instance_id = ?").param(pi)
                .query(String.class).single()).isEqualTo("QUEUED");
        assertThat(meters.tripFramesReceived(DisconnectionFixture.BUS, c.address())).isZero();

        dispatcher.start(DisconnectionFixture.BUS);
        SwitchingQueueProbe.awaitDelivered(jdbc, pi);
        scenarios.runDueJobs(pi);

        assertThat(meters.tripFramesReceived(DisconnectionFixture.BUS, c.address())).isOne();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).as("ended DISCONNECTED").isZero();
        assertThat(jdbc.sql("""
                SELECT f.step FROM meter_command_frame f JOIN meter_command m ON m.id = f.command_id
                WHERE m.process_instance_id = ? ORDER BY f.id""").param(pi).query(String.class).list())
                .as("the whole disconnection on the bus: no read done twice")
                .containsExactly("READ_METER_NUMBER", "READ_STATUS", "CONTROL_TRIP", "READ_STATUS");
    }

    @Test
    void aSignalFromOutsideWithoutTheKernelsResultIsRefusedAndMovesNothing() throws Exception {
        Customer c = scenarios.customer("TQ-001");
        String pi = atTheTripJob(c);
        dispatcher.stop(DisconnectionFixture.BUS);
        management.executeJob(tripJob(pi).getId());
        Execution waiting = waitingAtTheTrip(pi);

        HttpResponse<String> signal = asAdmin("/engine-rest/execution/" + waiting.getId() + "/signal",
                "{\"variables\": {\"tripOutcome\": {\"value\": \"CONFIRMED\", \"type\": \"String\"}}}");

        assertThat(signal.statusCode()).as(signal.body()).isEqualTo(400);
        assertThat(signal.body()).contains("开关指令尚无结果");
        assertThat(waitingAtTheTrip(pi)).isNotNull();
        assertThat(runtime.getVariable(pi, "tripOutcome")).isNull();
    }

    @Test
    void theQueueHandsOutReconnectionsBeforeCutsAndEachCommandOnce() {
        OffsetDateTime now = OffsetDateTime.now();
        String bus = "bus-queue-order";
        long cut1 = commands.enqueue(new SwitchingRequest("pi-a", "Task_RemoteTrip", ControlCommand.TRIP), "ex-a", bus, now);
        long cut2 = commands.enqueue(new SwitchingRequest("pi-b", "Task_RemoteTrip", ControlCommand.TRIP), "ex-b", bus, now);
        long close = commands.enqueue(new SwitchingRequest("pi-c", "Task_RemoteClose", ControlCommand.DIRECT_CLOSE), "ex-c", bus, now);
        try {
            assertThat(commands.claim(bus, SwitchingCommands.URGENT, 10, "node-1", now))
                    .extracting(SwitchingCommands.QueuedCommand::id).containsExactly(close);
            assertThat(commands.claim(bus, Integer.MIN_VALUE, 10, "node-1", now))
                    .extracting(SwitchingCommands.QueuedCommand::id).containsExactly(cut1, cut2);
            assertThat(commands.claim(bus, Integer.MIN_VALUE, 10, "node-2", now)).as("claimed once").isEmpty();

            assertThat(commands.requeueRunning(bus)).as("a dead owner's commands go back to the queue").isEqualTo(3);
            assertThat(commands.claim(bus, Integer.MIN_VALUE, 10, "node-2", now))
                    .extracting(SwitchingCommands.QueuedCommand::id).containsExactly(close, cut1, cut2);
        } finally {
            jdbc.sql("DELETE FROM switching_command WHERE bus_id = ?").param(bus).update();
        }
    }

    /** The demo's administrator (password = user id), as a REST client sends it. */
    private HttpResponse<String> asAdmin(String path, String body) throws Exception {
        ProcessEngines.registerProcessEngine(engine);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String atTheTripJob(Customer c) {
        String pi = scenarios.atNoticePosting(c);
        scenarios.postNotice(pi);
        Job timer = management.createJobQuery().processInstanceId(pi).timers().singleResult();
        DisconnectionFixture.setClock(timer.getDuedate().toInstant().atOffset(TUESDAY_10_00.getOffset()));
        management.executeJob(timer.getId());
        management.executeJob(management.createJobQuery().processInstanceId(pi).activityId("Task_Reverify").singleResult().getId());
        return pi;
    }

    private Job tripJob(String pi) {
        return management.createJobQuery().processInstanceId(pi).activityId("Task_RemoteTrip").singleResult();
    }

    private Execution waitingAtTheTrip(String pi) {
        List<Execution> at = runtime.createExecutionQuery().processInstanceId(pi).activityId("Task_RemoteTrip").list();
        return at.isEmpty() ? null : at.get(0);
    }
}
