package io.supplyguard.meter;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.meter.MeterCommandAudit.MeterCommandRecord;
import io.supplyguard.meter.MeterCommandAudit.MeterFrameRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The driver as other modules get it: two simulated buses, the audit in the database. */
@SpringBootTest
@ActiveProfiles("test")
class MeterWiringTest {

    @Autowired MeterControl control;
    @Autowired MeterSimulation simulation;
    @Autowired MeterCommandAudit audit;
    @Autowired MeterCommissioning commissioning;
    @Autowired JdbcMeterCommandAudit jdbcAudit;

    @Test
    void aTripOnASimulatedBusIsConfirmedAndAuditedWithItsFrames() {
        simulation.install("bus-2", "000000900001", "000000900001", false);
        var target = new MeterTarget("bus-2", "000000900001", "000000900001", "02", "000000", "00000000");

        CommandResult result = control.trip(target, new Requester("pi-7", "Task_RemoteTrip", "operator1"));

        assertThat(result.outcome()).isEqualTo(CommandOutcome.CONFIRMED);
        assertThat(simulation.status("bus-2", "000000900001").relayOpen()).isTrue();
        MeterCommandRecord record = audit.listForMeter("000000900001").get(0);
        assertThat(record.id()).isEqualTo(result.auditId());
        assertThat(record.busId()).isEqualTo("bus-2");
        assertThat(record.command()).isEqualTo("TRIP");
        assertThat(record.outcome()).isEqualTo("CONFIRMED");
        assertThat(record.userId()).isEqualTo("operator1");
        assertThat(record.processInstanceId()).isEqualTo("pi-7");
        assertThat(record.durationMillis()).isNotNull();
        assertThat(record.frames()).extracting(MeterFrameRecord::step)
                .containsExactly("READ_METER_NUMBER", "READ_STATUS", "CONTROL_TRIP", "READ_STATUS");
        assertThat(record.frames().get(2).requestHex()).contains("68 1C 10");
        assertThat(record.frames().get(2).replyHex()).contains("68 9C 00");
    }

    @Test
    void aFaultProvokedThroughTheSimulationReachesTheResult() {
        simulation.install("bus-1", "000000900002", "000000900002", false);
        simulation.injectFault("bus-1", "000000900002", MeterSimulation.SimulatedFault.SILENT, Integer.MAX_VALUE);
        var target = new MeterTarget("bus-1", "000000900002", "000000900002", "02", "000000", "00000000");

        CommandResult result = control.readRelayStatus(target, Requester.process("pi-8", "Task_ReadStatus"));

        assertThat(result.outcome()).isEqualTo(CommandOutcome.NO_RESPONSE);
        assertThat(audit.listForMeter("000000900002").get(0).frames()).hasSize(3)
                .allSatisfy(f -> assertThat(f.replyHex()).isEmpty());
    }

    @Test
    void aCommandWithoutOutcomeAndLongTextsAreStored() {
        long id = jdbcAudit.begin("bus-1", "000000900003", null, "TRIP", Requester.commissioning("installer"));
        jdbcAudit.frame(id, new MeterFrameRecord("READ_STATUS", 1, "FE ".repeat(300).trim(), "", "NO_RESPONSE: x".repeat(60),
                java.time.Instant.now(), 5));
        jdbcAudit.finish(id, null, "not completed: queue full", 7);

        MeterCommandRecord record = audit.listForMeter("000000900003").get(0);
        assertThat(record.outcome()).isNull();
        assertThat(record.reason()).isEqualTo("not completed: queue full");
        assertThat(record.frames().get(0).requestHex()).hasSize(700).endsWith("…");
        assertThat(record.frames().get(0).result()).hasSize(500);
    }

    @Test
    void commissioningIsTheSameBean() {
        assertThat(commissioning).isSameAs(control);
    }
}
