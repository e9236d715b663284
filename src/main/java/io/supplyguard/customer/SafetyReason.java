package io.supplyguard.customer;

/** Why cutting this customer may endanger life or cause major loss. */
public enum SafetyReason {
    LIFE_SUPPORT, MEDICAL, MAJOR_PROPERTY_RISK
}
