package io.supplyguard.meter.dlt645;

/** Status word 3 (DI 04000503), the bits that matter for switching. */
public record StatusWord3(int bits) {

    static final int RELAY_OPEN = 1 << 4;
    static final int COMMAND_OPEN = 1 << 6;
    static final int PRE_TRIP_ALARM = 1 << 7;
    static final int POWER_GUARANTEE = 1 << 12;

    public static StatusWord3 of(boolean relayOpen, boolean commandOpen, boolean preTripAlarm, boolean powerGuarantee) {
        return new StatusWord3((relayOpen ? RELAY_OPEN : 0) | (commandOpen ? COMMAND_OPEN : 0)
                | (preTripAlarm ? PRE_TRIP_ALARM : 0) | (powerGuarantee ? POWER_GUARANTEE : 0));
    }

    public boolean relayOpen() {
        return (bits & RELAY_OPEN) != 0;
    }

    public boolean commandOpen() {
        return (bits & COMMAND_OPEN) != 0;
    }

    public boolean preTripAlarm() {
        return (bits & PRE_TRIP_ALARM) != 0;
    }

    public boolean powerGuarantee() {
        return (bits & POWER_GUARANTEE) != 0;
    }
}
