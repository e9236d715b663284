package io.supplyguard.customer;

/** Whose phone number this is. */
public enum ContactRole {
    OWNER, TENANT, AGENT
}
