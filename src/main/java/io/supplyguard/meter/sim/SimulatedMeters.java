package io.supplyguard.meter.sim;

import io.supplyguard.meter.MeterSimulation;
import io.supplyguard.meter.RelayStatus;
import io.supplyguard.meter.dlt645.StatusWord3;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The simulated buses of this process and the meters on them, as tests and the demo see them. */
public final class SimulatedMeters implements MeterSimulation {

    private final Map<String, SimulatedBus> buses = new LinkedHashMap<>();

    public SimulatedMeters(Clock clock, Collection<String> busIds) {
        busIds.forEach(id -> buses.put(id, new SimulatedBus(id, clock)));
    }

    public SimulatedBus bus(String busId) {
        SimulatedBus bus = buses.get(busId);
        if (bus == null) {
            throw new IllegalArgumentException("bus " + busId + " is not simulated (simulated: " + buses.keySet() + ")");
        }
        return bus;
    }

    @Override
    public void install(String busId, String address, String meterNo, boolean relayOpen) {
        bus(busId).install(new SimulatedMeter(address, meterNo, relayOpen, null, null));
    }

    /** A meter that accepts control commands only with this password level and password. */
    public void installWithPassword(String busId, String address, String meterNo, boolean relayOpen,
                                    String passwordLevel, String password) {
        bus(busId).install(new SimulatedMeter(address, meterNo, relayOpen, passwordLevel, password));
    }

    @Override
    public List<Integer> controlFramesReceived(String busId, String address) {
        return bus(busId).controlFramesReceived(address);
    }

    @Override
    public List<ReceivedFrame> framesReceived(String busId) {
        return bus(busId).framesReceived();
    }

    @Override
    public boolean isInstalled(String busId, String address) {
        return buses.containsKey(busId) && bus(busId).has(address);
    }

    @Override
    public RelayStatus status(String busId, String address) {
        StatusWord3 word = bus(busId).meter(address).status();
        return new RelayStatus(word.relayOpen(), word.commandOpen(), word.preTripAlarm(), word.powerGuarantee());
    }

    @Override
    public void forceRelay(String busId, String address, boolean open) {
        bus(busId).meter(address).forceRelay(open);
    }

    @Override
    public void setPowerGuarantee(String busId, String address, boolean on) {
        bus(busId).meter(address).setPowerGuarantee(on);
    }

    @Override
    public void setRemainingMoney(String busId, String address, BigDecimal amount) {
        bus(busId).meter(address).setRemainingMoney(amount);
    }

    @Override
    public void injectFault(String busId, String address, SimulatedFault fault, int times) {
        bus(busId).meter(address).injectFault(fault, times);
    }

    @Override
    public void clearFaults(String busId, String address) {
        bus(busId).meter(address).clearFaults();
    }

    @Override
    public void setLatency(String busId, Duration extraPerReply) {
        bus(busId).setExtraLatency(extraPerReply);
    }
}
