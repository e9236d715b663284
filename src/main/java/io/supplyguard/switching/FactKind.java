package io.supplyguard.switching;

/** What a recorded fact says (table {@code switching_fact}). */
public enum FactKind {
    NOTICE_POSTED,
    DISCONNECTION_APPROVED,
    DISCONNECTION_REJECTED,
    TERMINATION_APPROVED,
    TERMINATION_REJECTED,
    WRITTEN_NOTICES,
    WARNING_GIVEN,
    ORDER_ISSUED,
    FIELD_CUT_DONE,
    FIELD_CUT_NOT_DONE
}
