package io.supplyguard.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The answer of one arrears evaluation. {@code examined} counts every account; {@code overdue}
 * those in arrears beyond the grace period, which then split into ineligible, already running and
 * eligible (and, with a disconnection process installed, started or failed to start).
 */
public record EvaluationReport(
        long evaluationId,
        EvaluationTrigger trigger,
        LocalDate businessDate,
        String gracePeriod,
        LocalDate overdueBefore,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        long examined,
        long inArrears,
        long withinGrace,
        long overdue,
        long eligible,
        long alreadyRunning,
        long started,
        long startFailed,
        long ineligible,
        Map<IneligibleReason, Long> ineligibleReasons,
        boolean disconnectionProcessInstalled,
        String note,
        List<Candidate> customers,
        boolean customersTruncated) {

    public static final String NO_PROCESS_NOTE =
            "no disconnection process installed: the eligible customers are recorded, nothing was started";

    public record Candidate(String customerNo, CandidateOutcome outcome, IneligibleReason reason,
            BigDecimal arrears, LocalDate overdueSince) {
    }
}
