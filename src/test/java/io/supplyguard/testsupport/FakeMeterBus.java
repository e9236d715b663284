package io.supplyguard.testsupport;

import io.supplyguard.meter.CommandOutcome;
import io.supplyguard.meter.CommandResult;
import io.supplyguard.meter.ControlCommand;
import io.supplyguard.meter.MeterControl;
import io.supplyguard.meter.MeterSimulation;
import io.supplyguard.meter.MeterTarget;
import io.supplyguard.meter.RelayStatus;
import io.supplyguard.meter.Requester;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stand-in for the meter module in tests of modules built before the driver: a map of meters
 * with the same observable behaviour as the simulator (outcomes, guarantee, faults). Registered
 * only when no real {@link MeterControl} exists, so the same tests run against the real driver
 * and simulator once it is there.
 */
public class FakeMeterBus implements MeterControl, MeterSimulation {

    private final Map<String, Meter> meters = new ConcurrentHashMap<>();
    private final List<String> commands = new ArrayList<>();

    private static final class Meter {
        String meterNo;
        boolean open;
        boolean guarantee;
        boolean alarm;
        SimulatedFault fault;
        int faultTimes;
    }

    private static String key(String busId, String address) {
        return busId + "/" + address;
    }

    @Override
    public synchronized CommandResult readRelayStatus(MeterTarget target, Requester requester) {
        Meter m = meters.get(key(target.busId(), target.address()));
        CommandResult failure = failure(m);
        if (failure != null) {
            return failure;
        }
        return new CommandResult(CommandOutcome.CONFIRMED, null, statusOf(m), null, null, null);
    }

    @Override
    public synchronized CommandResult readMeterNumber(MeterTarget target, Requester requester) {
        Meter m = meters.get(key(target.busId(), target.address()));
        CommandResult failure = failure(m);
        if (failure != null) {
            return failure;
        }
        if (m.fault == SimulatedFault.WRONG_METER_NUMBER && consumeFault(m)) {
            return new CommandResult(CommandOutcome.WRONG_METER, "meter reports 999999999999", null, "999999999999", null, null);
        }
        if (!m.meterNo.equals(target.meterNo())) {
            return new CommandResult(CommandOutcome.WRONG_METER, "meter reports " + m.meterNo, null, m.meterNo, null, null);
        }
        return new CommandResult(CommandOutcome.CONFIRMED, null, null, m.meterNo, null, null);
    }

    @Override
    public synchronized CommandResult readRemainingMoney(MeterTarget target, Requester requester) {
        Meter m = meters.get(key(target.busId(), target.address()));
        CommandResult failure = failure(m);
        return failure != null ? failure : new CommandResult(CommandOutcome.CONFIRMED, null, null, null, BigDecimal.ZERO, null);
    }

    @Override
    public synchronized CommandResult execute(MeterTarget target, ControlCommand command, Requester requester) {
        commands.add(command + " " + target.address() + " by " + requester.processInstanceId());
        Meter m = meters.get(key(target.busId(), target.address()));
        CommandResult failure = failure(m);
        if (failure != null) {
            return failure;
        }
        boolean stuck = m.fault == SimulatedFault.RELAY_STUCK && consumeFault(m);
        switch (command) {
            case TRIP -> {
                if (m.guarantee) {
                    return result(CommandOutcome.GUARANTEED, m);
                }
                if (m.open) {
                    return result(CommandOutcome.ALREADY_IN_STATE, m);
                }
                if (stuck) {
                    return result(CommandOutcome.NOT_CONFIRMED, m);
                }
                m.open = true;
            }
            case DIRECT_CLOSE, CLOSE_ALLOWED -> {
                if (!m.open) {
                    return result(CommandOutcome.ALREADY_IN_STATE, m);
                }
                if (stuck) {
                    return result(CommandOutcome.NOT_CONFIRMED, m);
                }
                m.open = false;
            }
            case ALARM_ON -> m.alarm = true;
            case ALARM_OFF -> m.alarm = false;
            case POWER_GUARANTEE_ON -> m.guarantee = true;
            case POWER_GUARANTEE_OFF -> m.guarantee = false;
        }
        return result(CommandOutcome.CONFIRMED, m);
    }

    private CommandResult result(CommandOutcome outcome, Meter m) {
        return new CommandResult(outcome, outcome == CommandOutcome.CONFIRMED ? null : outcome.name(), statusOf(m), null, null, null);
    }

    private CommandResult failure(Meter m) {
        if (m == null) {
            return new CommandResult(CommandOutcome.NO_RESPONSE, "no meter at this address", null, null, null, null);
        }
        if (m.fault == null || m.fault == SimulatedFault.RELAY_STUCK || m.fault == SimulatedFault.WRONG_METER_NUMBER) {
            return null;
        }
        SimulatedFault fault = m.fault;
        consumeFault(m);
        return switch (fault) {
            case SILENT -> new CommandResult(CommandOutcome.NO_RESPONSE, "no reply", null, null, null, null);
            case GARBLED -> new CommandResult(CommandOutcome.CORRUPT_REPLY, "checksum", null, null, null, null);
            case REJECT_PASSWORD -> new CommandResult(CommandOutcome.REJECTED, "PASSWORD_ERROR", null, null, null, null);
            default -> null;
        };
    }

    private boolean consumeFault(Meter m) {
        if (m.faultTimes != Integer.MAX_VALUE && --m.faultTimes <= 0) {
            m.fault = null;
        }
        return true;
    }

    private static RelayStatus statusOf(Meter m) {
        return new RelayStatus(m.open, m.open, m.alarm, m.guarantee);
    }

    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    @Override
    public synchronized void install(String busId, String address, String meterNo, boolean relayOpen) {
        Meter m = new Meter();
        m.meterNo = meterNo;
        m.open = relayOpen;
        meters.put(key(busId, address), m);
    }

    @Override
    public boolean isInstalled(String busId, String address) {
        return meters.containsKey(key(busId, address));
    }

    @Override
    public synchronized RelayStatus status(String busId, String address) {
        return statusOf(meters.get(key(busId, address)));
    }

    @Override
    public synchronized void forceRelay(String busId, String address, boolean open) {
        meters.get(key(busId, address)).open = open;
    }

    @Override
    public synchronized void setPowerGuarantee(String busId, String address, boolean on) {
        meters.get(key(busId, address)).guarantee = on;
    }

    @Override
    public synchronized void injectFault(String busId, String address, SimulatedFault fault, int times) {
        Meter m = meters.get(key(busId, address));
        m.fault = fault;
        m.faultTimes = times;
    }

    @Override
    public synchronized void clearFaults(String busId, String address) {
        meters.get(key(busId, address)).fault = null;
    }

    @Override
    public void setLatency(String busId, Duration extraPerReply) {
    }
}
