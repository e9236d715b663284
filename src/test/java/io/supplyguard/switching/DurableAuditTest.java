package io.supplyguard.switching;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.RelayState;
import io.supplyguard.disconnection.DisconnectionFixture;
import io.supplyguard.disconnection.DisconnectionFixture.TestCustomer;
import io.supplyguard.meter.MeterControl;
import io.supplyguard.meter.MeterSimulation;
import io.supplyguard.meter.Requester;
import io.supplyguard.reconnection.ReconnectionStarter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 14 items 5 and 6: the audit around the wire survives whatever happens to the transaction
 * that sent the frames, and a switching command left without an outcome (the node was killed) is
 * settled by reading the relay back — registry corrected, a paid customer reconnected at once.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(DisconnectionFixture.class)
class DurableAuditTest {

    @Autowired DisconnectionFixture fixture;
    @Autowired MeterControl meters;
    @Autowired MeterSimulation simulation;
    @Autowired CustomerRegistry registry;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;
    @Autowired UnfinishedCommandReconciliation reconciliation;
    @Autowired ReconnectionStarter reconnections;
    @Autowired RuntimeService runtime;

    @AfterEach
    void cleanUp() {
        runtime.createProcessInstanceQuery().list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup"));
    }

    @Test
    void framesThatWentOutStayAuditedWhenTheSendingTransactionRollsBack() {
        TestCustomer c = fixture.customer();
        var target = registry.get(c.customerNo()).meter().target();
        transaction.executeWithoutResult(tx -> {
            meters.readRelayStatus(target, Requester.process("rolled-back-job", "Task_Probe"));
            tx.setRollbackOnly(); // as a job does on an optimistic-locking failure
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM meter_command WHERE process_instance_id = 'rolled-back-job' AND outcome = 'CONFIRMED'")
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM meter_command_frame f JOIN meter_command c ON c.id = f.command_id
                WHERE c.process_instance_id = 'rolled-back-job' AND f.reply_hex IS NOT NULL AND f.result = 'OK'""")
                .query(Long.class).single()).isOne();
    }

    @Test
    void aTripLeftWithoutOutcomeIsSettledByReadingTheRelayAndAPaidCustomerIsReconnected() {
        TestCustomer paid = fixture.customer();
        // the node died after the trip frame went out: the meter is open, the registry still says CLOSED
        simulation.forceRelay("bus-1", paid.address(), true);
        jdbc.sql("UPDATE account SET arrears = 0 WHERE customer_no = ?").param(paid.customerNo()).update();
        long commandId = unfinishedTrip(paid);

        assertThat(reconciliation.reconcile(Duration.ZERO, bus -> true)).isPositive();

        assertThat(registry.get(paid.customerNo()).meter().relayState()).isEqualTo(RelayState.OPEN);
        assertThat(reconnections.runningFor(paid.customerNo())).isPresent();
        assertThat(jdbc.sql("SELECT reconciled_at FROM meter_command WHERE id = ?").param(commandId)
                .query(OffsetDateTime.class).single()).isNotNull();
        assertThat(reconciliation.reconcile(Duration.ZERO, bus -> true)).as("settled once").isZero();
    }

    @Test
    void aSilentMeterAfterAnUnfinishedTripIsRecordedUnknownNeverClosed() {
        TestCustomer owing = fixture.customer();
        simulation.injectFault("bus-1", owing.address(), MeterSimulation.SimulatedFault.SILENT, Integer.MAX_VALUE);
        unfinishedTrip(owing);

        reconciliation.reconcile(Duration.ZERO, bus -> true);

        assertThat(registry.get(owing.customerNo()).meter().relayState()).isEqualTo(RelayState.UNKNOWN);
        assertThat(reconnections.runningFor(owing.customerNo())).as("still owing: no reconnection").isEmpty();

        fixture.pay(owing.customerNo(), "235.50", true);
        assertThat(reconnections.runningFor(owing.customerNo()))
                .as("paid with the relay possibly open: the reconnection starts without asking the silent meter").isPresent();
        simulation.clearFaults("bus-1", owing.address());
    }

    private long unfinishedTrip(TestCustomer c) {
        OffsetDateTime oneMinuteAgo = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        jdbc.sql("""
                INSERT INTO meter_command (bus_id, meter_address, meter_no, command, started_at, process_instance_id, activity_id)
                VALUES ('bus-1', ?, ?, 'TRIP', ?, 'killed-job', 'Task_RemoteTrip')""")
                .params(c.address(), c.meterNo(), oneMinuteAgo).update();
        long id = jdbc.sql("SELECT MAX(id) FROM meter_command").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO meter_command_frame (command_id, step, attempt, request_hex, result, started_at, duration_ms)
                VALUES (?, 'CONTROL_TRIP', 1, 'FE FE FE FE 68', 'QUEUED', ?, 0)""").params(id, oneMinuteAgo).update();
        return id;
    }
}
