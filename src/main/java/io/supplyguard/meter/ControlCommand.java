package io.supplyguard.meter;

/** The switching commands of DL/T 645-2007 control 1CH (N1 codes), and which go first on a bus. */
public enum ControlCommand {
    TRIP(0x1A, false),
    CLOSE_ALLOWED(0x1B, true),
    DIRECT_CLOSE(0x1C, true),
    ALARM_ON(0x2A, false),
    ALARM_OFF(0x2B, false),
    POWER_GUARANTEE_ON(0x3A, true),
    POWER_GUARANTEE_OFF(0x3B, false);

    private final int n1;
    private final boolean urgent;

    ControlCommand(int n1, boolean urgent) {
        this.n1 = n1;
        this.urgent = urgent;
    }

    public int n1() {
        return n1;
    }

    /** Restoring supply never queues behind bulk cuts. */
    public boolean urgent() {
        return urgent;
    }
}
