package io.supplyguard.meter.bus;

/** Restoring supply goes ahead of everything else on a bus; within a priority, first come first served. */
public enum Priority {
    /** Reconnection, emergency reconnection, power guarantee on. */
    URGENT,
    /** Disconnections, alarms, reads. */
    ROUTINE
}
