package io.supplyguard.meter.sim;

import io.supplyguard.meter.MeterSimulation.SimulatedFault;
import io.supplyguard.meter.dlt645.ControlRequest;
import io.supplyguard.meter.dlt645.DataIdentifier;
import io.supplyguard.meter.dlt645.Dlt645;
import io.supplyguard.meter.dlt645.Frame;
import io.supplyguard.meter.dlt645.MalformedFrameException;
import io.supplyguard.meter.dlt645.MeterError;
import io.supplyguard.meter.dlt645.StatusWord3;
import io.supplyguard.meter.dlt645.Values;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * One simulated fee-control meter: relay, relay command state, pre-trip alarm, power
 * guarantee, remaining money, optional password, and faults armed for a number of requests.
 */
final class SimulatedMeter {

    private final String address;
    private final String meterNo;
    private final String passwordLevel;
    private final String password;
    private final Map<SimulatedFault, Integer> faults = new EnumMap<>(SimulatedFault.class);
    private boolean relayOpen;
    private boolean commandOpen;
    private boolean preTripAlarm;
    private boolean powerGuarantee;
    private BigDecimal remainingMoney = new BigDecimal("100.00");

    /** {@code passwordLevel}/{@code password} null: any credentials are accepted. */
    SimulatedMeter(String address, String meterNo, boolean relayOpen, String passwordLevel, String password) {
        this.address = address;
        this.meterNo = meterNo;
        this.relayOpen = relayOpen;
        this.commandOpen = relayOpen;
        this.passwordLevel = passwordLevel;
        this.password = password;
    }

    String address() {
        return address;
    }

    synchronized StatusWord3 status() {
        return StatusWord3.of(relayOpen, commandOpen, preTripAlarm, powerGuarantee);
    }

    synchronized void forceRelay(boolean open) {
        relayOpen = open;
        commandOpen = open;
    }

    synchronized void setPowerGuarantee(boolean on) {
        powerGuarantee = on;
    }

    synchronized void setRemainingMoney(BigDecimal amount) {
        remainingMoney = amount;
    }

    synchronized void injectFault(SimulatedFault fault, int times) {
        faults.put(fault, times);
    }

    synchronized void clearFaults() {
        faults.clear();
    }

    /** True (and one use spent) when the fault is armed. */
    synchronized boolean consume(SimulatedFault fault) {
        Integer left = faults.get(fault);
        if (left == null || left <= 0) {
            return false;
        }
        if (left != Integer.MAX_VALUE) {
            faults.put(fault, left - 1);
        }
        return true;
    }

    /** The reply to a request addressed to this meter, judged against the meter's own clock. */
    synchronized Frame handle(Frame request, LocalDateTime now) {
        return switch (request.function()) {
            case Dlt645.READ -> read(request);
            case Dlt645.READ_ADDRESS -> Dlt645.addressReply(address);
            case Dlt645.CONTROL -> control(request, now);
            default -> Dlt645.abnormalReply(address, request.function(), Set.of(MeterError.OTHER));
        };
    }

    private Frame read(Frame request) {
        DataIdentifier identifier;
        try {
            identifier = Dlt645.identifierOf(request);
        } catch (MalformedFrameException unknown) {
            return Dlt645.abnormalReply(address, Dlt645.READ, Set.of(MeterError.NO_REQUESTED_DATA));
        }
        byte[] value = switch (identifier) {
            case STATUS_WORD_3 -> Values.statusWord3(status());
            case METER_NUMBER -> Values.meterNumber(consume(SimulatedFault.WRONG_METER_NUMBER) ? otherNumber() : meterNo);
            case REMAINING_MONEY -> Values.money(remainingMoney);
            default -> null;
        };
        return value == null ? Dlt645.abnormalReply(address, Dlt645.READ, Set.of(MeterError.NO_REQUESTED_DATA))
                : Dlt645.readReply(address, identifier, value);
    }

    private Frame control(Frame request, LocalDateTime now) {
        ControlRequest command;
        try {
            command = Dlt645.controlRequestOf(request);
        } catch (MalformedFrameException e) {
            return refuse(MeterError.OTHER);
        }
        if (consume(SimulatedFault.REJECT_PASSWORD) || !credentialsMatch(command)) {
            return refuse(MeterError.UNAUTHORISED);
        }
        if (command.deadline().isBefore(now)) {
            return refuse(MeterError.OTHER);
        }
        if (command.n1() == 0x1A && powerGuarantee) {
            return refuse(MeterError.OTHER);
        }
        if (!isKnown(command.n1())) {
            return refuse(MeterError.OTHER);
        }
        if (!consume(SimulatedFault.RELAY_STUCK)) {
            apply(command.n1());
        }
        return Dlt645.controlAccepted(address);
    }

    private void apply(int n1) {
        switch (n1) {
            case 0x1A -> {
                relayOpen = true;
                commandOpen = true;
            }
            // close allowed: the customer closes the relay at the meter; until then it stays open
            case 0x1B -> commandOpen = false;
            case 0x1C -> {
                relayOpen = false;
                commandOpen = false;
            }
            case 0x2A -> preTripAlarm = true;
            case 0x2B -> preTripAlarm = false;
            case 0x3A -> powerGuarantee = true;
            case 0x3B -> powerGuarantee = false;
            default -> throw new IllegalStateException("unknown N1 " + n1);
        }
    }

    private static boolean isKnown(int n1) {
        return Set.of(0x1A, 0x1B, 0x1C, 0x2A, 0x2B, 0x3A, 0x3B).contains(n1);
    }

    private boolean credentialsMatch(ControlRequest command) {
        return passwordLevel == null
                || passwordLevel.equalsIgnoreCase(command.passwordLevel()) && password.equalsIgnoreCase(command.password());
    }

    private Frame refuse(MeterError error) {
        return Dlt645.abnormalReply(address, Dlt645.CONTROL, Set.of(error));
    }

    private String otherNumber() {
        return meterNo.equals("999999999999") ? "999999999998" : "999999999999";
    }
}
