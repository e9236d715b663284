package io.supplyguard.customer;

/** Last relay state confirmed by reading the meter (OPEN = supply cut). */
public enum RelayState {
    CLOSED, OPEN, UNKNOWN
}
