package io.supplyguard.meter;

import static io.supplyguard.meter.SimulatedBusFixture.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplyguard.meter.MeterCommandAudit.MeterCommandRecord;
import io.supplyguard.meter.MeterCommandAudit.MeterFrameRecord;
import io.supplyguard.meter.MeterSimulation.SimulatedFault;
import io.supplyguard.meter.dlt645.Dlt645;
import io.supplyguard.meter.dlt645.FrameCodec;
import io.supplyguard.meter.dlt645.Hex;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BusMeterControlTest {

    static final String A = "000000100001";
    static final Requester PROCESS = Requester.process("pi-42", "Task_Trip");

    final SimulatedBusFixture bus = new SimulatedBusFixture();
    final BusMeterControl control = bus.control;

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void tripIsCheckedSentAndConfirmedAndEveryFrameIsAudited() {
        bus.simulation.install("bus-1", A, A, false);

        CommandResult result = control.trip(target(A), PROCESS);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.CONFIRMED);
        assertThat(result.status().relayOpen()).isTrue();
        assertThat(bus.simulation.status("bus-1", A).relayOpen()).isTrue();
        MeterCommandRecord record = bus.audit.find(result.auditId());
        assertThat(record.command()).isEqualTo("TRIP");
        assertThat(record.outcome()).isEqualTo("CONFIRMED");
        assertThat(record.processInstanceId()).isEqualTo("pi-42");
        assertThat(record.activityId()).isEqualTo("Task_Trip");
        assertThat(record.frames()).extracting(MeterFrameRecord::step)
                .containsExactly("READ_METER_NUMBER", "READ_STATUS", "CONTROL_TRIP", "READ_STATUS");
        assertThat(record.frames().get(2).requestHex()).startsWith("FE FE FE FE 68 01 00 10 00 00 00 68 1C 10");
        assertThat(record.frames().get(2).replyHex()).endsWith("68 01 00 10 00 00 00 68 9C 00 7D 16");
    }

    @Test
    void validityDeadlineIsNowPlusTheWindowInBusinessTime() {
        bus.simulation.install("bus-1", A, A, false);

        CommandResult result = control.trip(target(A), PROCESS);

        String request = bus.audit.find(result.auditId()).frames().get(2).requestHex();
        LocalDateTime deadline = Dlt645.controlRequestOf(FrameCodec.decode(Hex.parse(request))).deadline();
        // 06:30Z is 14:30 in Shanghai
        assertThat(deadline).isEqualTo(LocalDateTime.of(2026, 11, 28, 14, 35, 0));
    }

    @Test
    void aMeterWhoseClockIsPastTheDeadlineRefuses() {
        Clock meterAhead = Clock.offset(bus.clock, Duration.ofMinutes(6));
        try (var skewed = new SimulatedBusFixture(bus.clock, meterAhead)) {
            skewed.simulation.install("bus-1", A, A, false);

            CommandResult result = skewed.control.trip(target(A), PROCESS);

            assertThat(result.outcome()).isEqualTo(CommandOutcome.REJECTED);
            assertThat(result.reason()).isEqualTo("OTHER");
        }
    }

    @Test
    void aResumedCloseOfAMeterTheDeadNodeHadClosedAlreadySendsNoSecondControlFrame() {
        bus.simulation.install("bus-1", A, A, false); // closed: the first owner's frame went out before it died

        CommandResult result = control.resume(target(A), ControlCommand.DIRECT_CLOSE, PROCESS, SendGuard.NONE);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.ALREADY_IN_STATE);
        assertThat(bus.simulation.controlFramesReceived("bus-1", A)).isEmpty();
        assertThat(bus.audit.find(result.auditId()).frames()).extracting(MeterFrameRecord::step)
                .containsExactly("READ_METER_NUMBER", "READ_STATUS");
    }

    @Test
    void aResumedCloseOfAMeterStillOpenIsSent() {
        bus.simulation.install("bus-1", A, A, true);

        CommandResult result = control.resume(target(A), ControlCommand.DIRECT_CLOSE, PROCESS, SendGuard.NONE);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.CONFIRMED);
        assertThat(bus.simulation.controlFramesReceived("bus-1", A)).hasSize(1);
    }

    @Test
    void tripOfAnOpenRelaySendsNothing() {
        bus.simulation.install("bus-1", A, A, true);

        CommandResult result = control.trip(target(A), PROCESS);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.ALREADY_IN_STATE);
        assertThat(bus.audit.find(result.auditId()).frames()).extracting(MeterFrameRecord::step)
                .doesNotContain("CONTROL_TRIP");
    }

    @Test
    void tripUnderPowerGuaranteeIsNotSent() {
        bus.simulation.install("bus-1", A, A, false);
        bus.simulation.setPowerGuarantee("bus-1", A, true);

        CommandResult result = control.trip(target(A), PROCESS);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.GUARANTEED);
        assertThat(bus.simulation.status("bus-1", A).relayOpen()).isFalse();
    }

    @Test
    void directCloseClosesTheRelay() {
        bus.simulation.install("bus-1", A, A, true);

        assertThat(control.directClose(target(A), PROCESS).outcome()).isEqualTo(CommandOutcome.CONFIRMED);
        assertThat(bus.simulation.status("bus-1", A).relayOpen()).isFalse();
    }

    @Test
    void closeAllowedReleasesTheCommandAndLeavesClosingToTheCustomer() {
        bus.simulation.install("bus-1", A, A, true);

        CommandResult result = control.closeAllowed(target(A), PROCESS);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.CONFIRMED);
        assertThat(result.status().commandOpen()).isFalse();
        assertThat(result.status().relayOpen()).isTrue();
    }

    @Test
    void alarmAndPowerGuaranteeSwitchBothWays() {
        bus.simulation.install("bus-1", A, A, false);

        assertThat(control.alarmOn(target(A), PROCESS).status().preTripAlarm()).isTrue();
        assertThat(control.alarmOff(target(A), PROCESS).status().preTripAlarm()).isFalse();
        assertThat(control.powerGuaranteeOn(target(A), PROCESS).status().powerGuarantee()).isTrue();
        assertThat(control.powerGuaranteeOff(target(A), PROCESS).status().powerGuarantee()).isFalse();
        // switching off what is off is harmless: sent and confirmed, no status read before it
        CommandResult again = control.alarmOff(target(A), PROCESS);
        assertThat(again.outcome()).isEqualTo(CommandOutcome.CONFIRMED);
        assertThat(bus.audit.find(again.auditId()).frames()).extracting(f -> f.step())
                .containsExactly("READ_METER_NUMBER", "CONTROL_ALARM_OFF", "READ_STATUS");
    }

    @Test
    void aReconnectionCostsThreeBusTransactionsNumberCloseReadBack() {
        bus.simulation.install("bus-1", A, A, false);
        bus.simulation.forceRelay("bus-1", A, true);

        CommandResult result = control.directClose(target(A), PROCESS);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.CONFIRMED);
        assertThat(result.meterNo()).isEqualTo(A);
        assertThat(bus.audit.find(result.auditId()).frames()).extracting(f -> f.step())
                .containsExactly("READ_METER_NUMBER", "CONTROL_DIRECT_CLOSE", "READ_STATUS");
    }

    @Test
    void aTripReadsTheStatusFirstBecauseAGuaranteeOrAnOpenRelayDecidesIt() {
        bus.simulation.install("bus-1", A, A, false);

        CommandResult trip = control.trip(target(A), PROCESS);

        assertThat(bus.audit.find(trip.auditId()).frames()).extracting(f -> f.step())
                .containsExactly("READ_METER_NUMBER", "READ_STATUS", "CONTROL_TRIP", "READ_STATUS");
        assertThat(control.trip(target(A), PROCESS).outcome()).isEqualTo(CommandOutcome.ALREADY_IN_STATE);
    }

    @Test
    void aRejectedTripIsNeverSentAgain() {
        bus.simulation.install("bus-1", A, A, false);
        bus.simulation.injectFault("bus-1", A, SimulatedFault.REJECT_PASSWORD, Integer.MAX_VALUE);

        CommandResult result = control.trip(target(A), PROCESS);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(result.reason()).isEqualTo("UNAUTHORISED");
        assertThat(bus.audit.find(result.auditId()).frames()).filteredOn(f -> f.step().equals("CONTROL_TRIP")).hasSize(1);
    }

    @Test
    void aWrongPasswordIsRejected() {
        bus.simulation.installWithPassword("bus-1", A, A, false, "04", "123456");

        assertThat(control.trip(target(A), PROCESS).outcome()).isEqualTo(CommandOutcome.REJECTED);
        var rightCredentials = new MeterTarget("bus-1", A, A, "04", "123456", "00000000");
        assertThat(control.trip(rightCredentials, PROCESS).outcome()).isEqualTo(CommandOutcome.CONFIRMED);
    }

    @Test
    void aStuckRelayIsNotConfirmed() {
        bus.simulation.install("bus-1", A, A, false);
        bus.simulation.injectFault("bus-1", A, SimulatedFault.RELAY_STUCK, 1);

        CommandResult result = control.trip(target(A), PROCESS);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.NOT_CONFIRMED);
        assertThat(result.status().relayOpen()).isFalse();
        assertThat(bus.audit.find(result.auditId()).frames()).filteredOn(f -> f.step().equals("READ_STATUS")).hasSizeGreaterThan(2);
    }

    @Test
    void confirmationWaitsForARelayThatMovesLate() throws Exception {
        bus.simulation.install("bus-1", A, A, false);
        bus.simulation.injectFault("bus-1", A, SimulatedFault.RELAY_STUCK, 1);
        // the crew opens the relay by hand once the (ignored) trip frame has reached the meter: after
        // the driver's first status read, while it is still waiting for the trip to show
        Thread fieldCrew = new Thread(() -> {
            long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (bus.simulation.controlFramesReceived("bus-1", A).isEmpty() && System.nanoTime() < giveUp) {
                Conversation.pause(Duration.ofMillis(1));
            }
            bus.simulation.forceRelay("bus-1", A, true);
        });
        fieldCrew.start();

        CommandResult result = control.trip(target(A), PROCESS);
        fieldCrew.join();

        assertThat(result.outcome()).isEqualTo(CommandOutcome.CONFIRMED);
    }

    @Test
    void aLostReplyIsRetriedWithBackoff() {
        bus.simulation.install("bus-1", A, A, false);
        bus.simulation.injectFault("bus-1", A, SimulatedFault.SILENT, 2);

        CommandResult result = control.trip(target(A), PROCESS);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.CONFIRMED);
        assertThat(bus.audit.find(result.auditId()).frames().get(2).attempt()).isEqualTo(3);
    }

    @Test
    void aSilentMeterIsNoResponseAfterTheRetries() {
        bus.simulation.install("bus-1", A, A, false);
        bus.simulation.injectFault("bus-1", A, SimulatedFault.SILENT, Integer.MAX_VALUE);

        CommandResult result = control.trip(target(A), PROCESS);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.NO_RESPONSE);
        assertThat(bus.audit.find(result.auditId()).frames()).hasSize(3);
    }

    @Test
    void garbledRepliesAreRetriedThenCorrupt() {
        bus.simulation.install("bus-1", A, A, false);
        bus.simulation.injectFault("bus-1", A, SimulatedFault.GARBLED, 1);
        assertThat(control.readRelayStatus(target(A), PROCESS).outcome()).isEqualTo(CommandOutcome.CONFIRMED);

        bus.simulation.injectFault("bus-1", A, SimulatedFault.GARBLED, Integer.MAX_VALUE);
        CommandResult result = control.readRelayStatus(target(A), PROCESS);
        assertThat(result.outcome()).isEqualTo(CommandOutcome.CORRUPT_REPLY);
        assertThat(result.reason()).startsWith("CHECKSUM");
    }

    @Test
    void aSlowReplyIsLost() {
        bus.simulation.install("bus-1", A, A, false);
        bus.simulation.bus("bus-1").setSlowReply(Duration.ofMillis(400));
        bus.simulation.injectFault("bus-1", A, SimulatedFault.SLOW_REPLY, Integer.MAX_VALUE);

        assertThat(control.readRelayStatus(target(A), PROCESS).outcome()).isEqualTo(CommandOutcome.NO_RESPONSE);
    }

    @Test
    void anotherMeterNumberStopsTheTripBeforeAnythingIsSwitched() {
        bus.simulation.install("bus-1", A, A, false);
        bus.simulation.injectFault("bus-1", A, SimulatedFault.WRONG_METER_NUMBER, 1);

        CommandResult result = control.trip(target(A), PROCESS);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.WRONG_METER);
        assertThat(result.meterNo()).isEqualTo("999999999999");
        assertThat(bus.simulation.status("bus-1", A).relayOpen()).isFalse();
    }

    @Test
    void aReplyFromAnotherAddressIsWrongMeter() {
        bus.simulation.install("bus-1", A, A, false);
        bus.simulation.injectFault("bus-1", A, SimulatedFault.WRONG_ADDRESS, 1);

        CommandResult result = control.readRelayStatus(target(A), PROCESS);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.WRONG_METER);
        assertThat(result.reason()).contains("000000100002");
    }

    @Test
    void readsMeterNumberAndRemainingMoney() {
        bus.simulation.install("bus-1", A, A, false);
        bus.simulation.setRemainingMoney("bus-1", A, new BigDecimal("12.34"));

        assertThat(control.readMeterNumber(target(A), PROCESS).meterNo()).isEqualTo(A);
        assertThat(control.readRemainingMoney(target(A), PROCESS).remainingMoney()).isEqualByComparingTo("12.34");
        var boundElsewhere = new MeterTarget("bus-1", A, "000000100099", "02", "000000", "00000000");
        assertThat(control.readMeterNumber(boundElsewhere, PROCESS).outcome()).isEqualTo(CommandOutcome.WRONG_METER);
    }

    @Test
    void readsTheAddressOfTheOnlyMeterOnTheLine() {
        bus.simulation.install("bus-2", "000000100003", "000000100003", false);

        var reading = control.readAddress("bus-2", Requester.commissioning("installer"));

        assertThat(reading.outcome()).isEqualTo(CommandOutcome.CONFIRMED);
        assertThat(reading.address()).isEqualTo("000000100003");
        bus.simulation.install("bus-2", "000000100004", "000000100004", false);
        assertThat(control.readAddress("bus-2", Requester.commissioning("installer")).outcome())
                .isEqualTo(CommandOutcome.NO_RESPONSE);
    }

    @Test
    void anAnonymousSwitchingCommandIsRefusedBeforeAnythingIsSent() {
        bus.simulation.install("bus-1", A, A, false);

        assertThatThrownBy(() -> control.trip(target(A), new Requester(null, "Task_Trip", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("process instance or a user");
        assertThat(bus.audit.listForMeter(A)).isEmpty();
        assertThat(bus.simulation.status("bus-1", A).relayOpen()).isFalse();
    }

    @Test
    void anUnknownBusIsATechnicalFailure() {
        var elsewhere = new MeterTarget("bus-9", A, A, "02", "000000", "00000000");
        assertThatThrownBy(() -> control.trip(elsewhere, PROCESS))
                .isInstanceOf(MeterBusUnavailableException.class).hasMessageContaining("bus-9");
    }

    @Test
    void aBusThatRefusesThrowsAndTheAuditRecordsTheCommandAsNotCompleted() {
        MeterBuses full = new MeterBuses();
        full.add(new io.supplyguard.meter.bus.BusWorker("bus-1",
                new io.supplyguard.meter.bus.InMemoryTransport("bus-1", bus.simulation.bus("bus-1")), 0), Duration.ofMillis(100));
        var refusing = new BusMeterControl(full, bus.audit, bus.clock, MeterSettings.defaults());
        try {
            assertThatThrownBy(() -> refusing.trip(target(A), PROCESS))
                    .isInstanceOf(MeterBusUnavailableException.class).hasMessageContaining("queue is full");
            MeterCommandRecord record = bus.audit.listForMeter(A).get(0);
            assertThat(record.outcome()).isNull();
            assertThat(record.reason()).startsWith("not completed: bus bus-1 queue is full");
        } finally {
            full.close();
        }
    }

    @Test
    void aCipherModeMeterIsNotSentAPlaintextControl() {
        bus.simulation.install("bus-1", A, A, false);
        var cipherMode = new MeterTarget("bus-1", A, A, "98", "000000", "00000000");

        CommandResult result = control.trip(cipherMode, PROCESS);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(result.reason()).contains("ESAM identity authentication (03H)");
        assertThat(bus.audit.find(result.auditId()).frames()).extracting(MeterFrameRecord::step)
                .containsExactly("READ_METER_NUMBER", "READ_STATUS");
    }

    @Test
    void credentialsNoFrameCanCarryAreRejectedUnsent() {
        bus.simulation.install("bus-1", A, A, false);
        var broken = new MeterTarget("bus-1", A, A, "2", "000000", "00000000");

        CommandResult result = control.trip(broken, PROCESS);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(result.reason()).contains("password level");
    }
}
