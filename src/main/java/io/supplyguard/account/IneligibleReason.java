package io.supplyguard.account;

/** Why an overdue customer may not be disconnected remotely; the first that applies is recorded. */
public enum IneligibleReason {
    /** no signed fee-control agreement: no remote cut (P3) */
    NO_AGREEMENT,
    /** no meter bound to the customer: nothing to switch */
    NO_ACTIVE_METER
}
