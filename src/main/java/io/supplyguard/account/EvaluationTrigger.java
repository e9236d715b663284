package io.supplyguard.account;

/** Who asked for an arrears evaluation. */
public enum EvaluationTrigger {
    SCHEDULE, ON_DEMAND
}
