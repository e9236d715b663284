package io.supplyguard.account;

/** What an arrears evaluation did with a customer whose arrears are overdue beyond the grace period. */
public enum CandidateOutcome {
    /** passes every check; recorded, and handed to the disconnection process when one is installed */
    ELIGIBLE,
    /** fails a precondition of fee control (see {@link IneligibleReason}) */
    INELIGIBLE,
    /** a disconnection process is running for the customer already */
    ALREADY_RUNNING,
    STARTED,
    /** the starter failed technically; the next evaluation tries again */
    START_FAILED
}
