package io.supplyguard.customer;

/** Usage class: residential customers get the longer notice period. */
public enum UsageClass {
    RESIDENTIAL, NON_RESIDENTIAL
}
