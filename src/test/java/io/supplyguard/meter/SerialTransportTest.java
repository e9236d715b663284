package io.supplyguard.meter;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.meter.MeterCommandAudit.MeterFrameRecord;
import io.supplyguard.meter.MeterSimulation.SimulatedFault;
import io.supplyguard.meter.bus.BusWorker;
import io.supplyguard.meter.bus.LinkTransport;
import io.supplyguard.meter.bus.SerialLink;
import io.supplyguard.meter.sim.SimulatedMeters;
import io.supplyguard.meter.sim.StreamSimulator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real serial I/O: the driver opens one end of a pseudo-terminal pair with jSerialComm (2400
 * 8E1), the simulator serves the other end through jSerialComm too, replying byte by byte.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SerialTransportTest {

    static final String A = "000000200001";
    static final Requester COMMISSIONING = Requester.commissioning("installer");

    PseudoTerminalPair pty;
    SimulatedMeters simulation;
    StreamSimulator simulator;
    MeterBuses buses;
    InMemoryCommandAudit audit;
    static final Duration REPLY_TIMEOUT = Duration.ofMillis(1500);
    static final Duration SLOW_REPLY = Duration.ofMillis(3000);
    static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(3);

    BusMeterControl control;
    BusMeterControl noRetries;

    @BeforeAll
    void openPorts() throws Exception {
        pty = new PseudoTerminalPair();
        Clock clock = Clock.system(SimulatedBusFixture.SHANGHAI);
        simulation = new SimulatedMeters(clock, List.of("bus-1"));
        simulator = new StreamSimulator(new SerialLink(SerialLink.SerialSettings.dlt645(pty.meterPath(), 2400)),
                simulation.bus("bus-1"), true);
        Thread serving = new Thread(simulator, "pty-simulator");
        serving.setDaemon(true);
        serving.start();
        buses = new MeterBuses();
        // generous for a pty on a loaded machine: a reply that is on time must never look lost
        buses.add(new BusWorker("bus-1", new LinkTransport(new SerialLink(SerialLink.SerialSettings.dlt645(pty.driverPath(), 2400))), 50),
                REPLY_TIMEOUT);
        audit = new InMemoryCommandAudit();
        control = new BusMeterControl(buses, audit, clock, new MeterSettings(CONFIRM_TIMEOUT,
                Duration.ofMillis(100), Duration.ofMinutes(5), 1, Duration.ofMillis(20)));
        noRetries = new BusMeterControl(buses, audit, clock, new MeterSettings(CONFIRM_TIMEOUT,
                Duration.ofMillis(100), Duration.ofMinutes(5), 0, Duration.ofMillis(20)));
    }

    @AfterAll
    void closePorts() {
        if (pty == null) {
            return; // skipped: no socat on this machine
        }
        simulator.stop();
        buses.close();
        pty.close();
    }

    @BeforeEach
    void freshMeter() {
        simulation.install("bus-1", A, A, false);
        simulation.bus("bus-1").setWakeUps(null);
        simulation.bus("bus-1").setSlowReply(SLOW_REPLY);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void repliesArriveByteByByteWithAnyNumberOfWakeUpBytes(int wakeUps) {
        simulation.bus("bus-1").setWakeUps(wakeUps);

        CommandResult result = control.readRelayStatus(target(), COMMISSIONING);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.CONFIRMED);
        String reply = audit.find(result.auditId()).frames().get(0).replyHex();
        assertThat(reply).startsWith("FE ".repeat(wakeUps) + "68 01 00 20 00 00 00 68 91 06");
    }

    @Test
    void readsStatusMeterNumberMoneyAndAddress() {
        simulation.setRemainingMoney("bus-1", A, new BigDecimal("321.09"));

        assertThat(control.readRelayStatus(target(), COMMISSIONING).status().relayOpen()).isFalse();
        assertThat(control.readMeterNumber(target(), COMMISSIONING).meterNo()).isEqualTo(A);
        assertThat(control.readRemainingMoney(target(), COMMISSIONING).remainingMoney()).isEqualByComparingTo("321.09");
        assertThat(control.readAddress("bus-1", COMMISSIONING).address()).isEqualTo(A);
    }

    @ParameterizedTest
    @EnumSource(ControlCommand.class)
    void everySwitchingCommandIsConfirmed(ControlCommand command) {
        if (command == ControlCommand.CLOSE_ALLOWED || command == ControlCommand.DIRECT_CLOSE) {
            simulation.forceRelay("bus-1", A, true);
        }
        if (command == ControlCommand.ALARM_OFF) {
            control.alarmOn(target(), COMMISSIONING);
        }
        if (command == ControlCommand.POWER_GUARANTEE_OFF) {
            simulation.setPowerGuarantee("bus-1", A, true);
        }

        CommandResult result = control.execute(target(), command, COMMISSIONING);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.CONFIRMED);
        assertThat(audit.find(result.auditId()).frames()).extracting(MeterFrameRecord::step).contains("CONTROL_" + command);
    }

    @Test
    void silentMeter() {
        simulation.injectFault("bus-1", A, SimulatedFault.SILENT, Integer.MAX_VALUE);
        assertThat(control.readRelayStatus(target(), COMMISSIONING).outcome()).isEqualTo(CommandOutcome.NO_RESPONSE);
    }

    @Test
    void garbledReplies() {
        simulation.injectFault("bus-1", A, SimulatedFault.GARBLED, Integer.MAX_VALUE);
        assertThat(control.readRelayStatus(target(), COMMISSIONING).outcome()).isEqualTo(CommandOutcome.CORRUPT_REPLY);
    }

    @Test
    void garbledOnceIsRetried() {
        simulation.injectFault("bus-1", A, SimulatedFault.GARBLED, 1);
        assertThat(control.trip(target(), COMMISSIONING).outcome()).isEqualTo(CommandOutcome.CONFIRMED);
    }

    @Test
    void rejectedPassword() {
        simulation.injectFault("bus-1", A, SimulatedFault.REJECT_PASSWORD, 1);
        CommandResult result = control.trip(target(), COMMISSIONING);
        assertThat(result.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(result.reason()).isEqualTo("UNAUTHORISED");
    }

    @Test
    void stuckRelay() {
        simulation.injectFault("bus-1", A, SimulatedFault.RELAY_STUCK, 1);
        assertThat(control.trip(target(), COMMISSIONING).outcome()).isEqualTo(CommandOutcome.NOT_CONFIRMED);
    }

    @Test
    void wrongMeterNumber() {
        simulation.injectFault("bus-1", A, SimulatedFault.WRONG_METER_NUMBER, 1);
        assertThat(control.trip(target(), COMMISSIONING).outcome()).isEqualTo(CommandOutcome.WRONG_METER);
        assertThat(simulation.status("bus-1", A).relayOpen()).isFalse();
    }

    @Test
    void wrongAddress() {
        simulation.injectFault("bus-1", A, SimulatedFault.WRONG_ADDRESS, 1);
        assertThat(control.readRelayStatus(target(), COMMISSIONING).outcome()).isEqualTo(CommandOutcome.WRONG_METER);
    }

    @Test
    void slowReplyMissesTheTimeout() throws InterruptedException {
        simulation.injectFault("bus-1", A, SimulatedFault.SLOW_REPLY, 1);
        assertThat(noRetries.readRelayStatus(target(), COMMISSIONING).outcome()).isEqualTo(CommandOutcome.NO_RESPONSE);
        // the late reply lands SLOW_REPLY after the request, i.e. well within this wait; the next request discards it
        Thread.sleep(SLOW_REPLY.toMillis());
        assertThat(noRetries.readRelayStatus(target(), COMMISSIONING).outcome()).isEqualTo(CommandOutcome.CONFIRMED);
    }

    @Test
    void powerGuaranteeRefusesTheTrip() {
        simulation.setPowerGuarantee("bus-1", A, true);
        assertThat(control.trip(target(), COMMISSIONING).outcome()).isEqualTo(CommandOutcome.GUARANTEED);
    }

    private static MeterTarget target() {
        return new MeterTarget("bus-1", A, A, "02", "000000", "00000000");
    }
}
