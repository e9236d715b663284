package io.supplyguard.customer;

/** Only a VALID contact verified recently enough counts for notices. */
public enum ContactStatus {
    VALID, UNVERIFIED, INVALID
}
