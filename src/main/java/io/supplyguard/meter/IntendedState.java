package io.supplyguard.meter;

/** What status word 3 shows once a switching command has taken effect. */
final class IntendedState {

    private IntendedState() {
    }

    static boolean reached(ControlCommand command, RelayStatus status) {
        return switch (command) {
            case TRIP -> status.relayOpen();
            // close allowed releases the relay command; the customer closes the relay at the meter
            case CLOSE_ALLOWED -> !status.commandOpen();
            case DIRECT_CLOSE -> !status.relayOpen();
            case ALARM_ON -> status.preTripAlarm();
            case ALARM_OFF -> !status.preTripAlarm();
            case POWER_GUARANTEE_ON -> status.powerGuarantee();
            case POWER_GUARANTEE_OFF -> !status.powerGuarantee();
        };
    }
}
