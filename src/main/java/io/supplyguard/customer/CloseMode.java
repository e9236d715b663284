package io.supplyguard.customer;

/** How a meter is reconnected: direct close, or close allowed so the customer presses the button. */
public enum CloseMode {
    DIRECT_CLOSE, CLOSE_ALLOWED
}
