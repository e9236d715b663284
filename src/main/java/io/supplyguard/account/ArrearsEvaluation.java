package io.supplyguard.account;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the customers whose arrears are overdue beyond the grace period and hands each eligible
 * one to the disconnection process. Selection and counting are set-based SQL; only the eligible
 * customers are walked, in pages, because each start is its own process instance.
 */
@Service
public class ArrearsEvaluation {

    private static final Logger log = LoggerFactory.getLogger(ArrearsEvaluation.class);
    private static final int PAGE = 500;

    private final EvaluationRows rows;
    private final ObjectProvider<DisconnectionStarter> starter;
    private final FeeControlProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ArrearsEvaluation(EvaluationRows rows, ObjectProvider<DisconnectionStarter> starter,
            FeeControlProperties properties, TransactionTemplate transaction, Clock clock) {
        this.rows = rows;
        this.starter = starter;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Runs on the configured cron in the business time zone; one node of a cluster per slot. */
    @Scheduled(cron = "${supplyguard.fee-control.evaluation-cron:0 0 7 * * *}",
            zone = "${supplyguard.business-time.zone:Asia/Shanghai}")
    void onSchedule() {
        String slot = "SCHEDULE:" + LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        try {
            EvaluationReport report = evaluate(EvaluationTrigger.SCHEDULE, slot);
            log.info("Arrears evaluation {}: {} accounts examined, {} overdue, {} eligible, {} started, {} already running",
                    report.evaluationId(), report.examined(), report.overdue(), report.eligible(), report.started(),
                    report.alreadyRunning());
        } catch (DuplicateKeyException anotherNodeRanIt) {
            log.info("Arrears evaluation slot {} was run by another node", slot);
        }
    }

    public EvaluationReport evaluate(EvaluationTrigger trigger) {
        return evaluate(trigger, null);
    }

    EvaluationReport evaluate(EvaluationTrigger trigger, String slot) {
        OffsetDateTime startedAt = OffsetDateTime.now(clock);
        LocalDate today = startedAt.toLocalDate();
        LocalDate overdueBefore = today.minus(properties.gracePeriod());
        DisconnectionStarter installed = starter.getIfAvailable();

        // selection and counts in one transaction, so that they describe the same accounts
        Opened opened = transaction.execute(status -> {
            long id = rows.open(trigger, slot, today, overdueBefore, startedAt, installed != null);
            rows.recordOverdue(id, overdueBefore);
            return new Opened(id, rows.examine(overdueBefore));
        });
        if (installed != null) {
            handOver(opened.id(), installed);
        }
        OffsetDateTime finishedAt = OffsetDateTime.now(clock);
        rows.finish(opened.id(), opened.totals(), finishedAt);
        return report(opened.id(), trigger, today, overdueBefore, startedAt, finishedAt, opened.totals(),
                installed != null);
    }

    private record Opened(long id, EvaluationRows.Totals totals) {
    }

    /**
     * The customers an evaluation recorded, in customer number order after {@code after}.
     *
     * @return empty when there is no such evaluation
     */
    public java.util.Optional<List<EvaluationReport.Candidate>> customers(long evaluationId, CandidateOutcome outcome,
            String after, int size) {
        if (!rows.exists(evaluationId)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(rows.candidatePage(evaluationId, outcome, after == null ? "" : after, size));
    }

    private void handOver(long evaluationId, DisconnectionStarter starter) {
        String trigger = "arrears-evaluation:" + evaluationId;
        String after = "";
        List<String> page;
        while (!(page = rows.eligiblePage(evaluationId, after, PAGE)).isEmpty()) {
            after = page.get(page.size() - 1);
            Set<String> running = starter.runningAmong(page);
            rows.mark(evaluationId, running, CandidateOutcome.ALREADY_RUNNING);
            List<String> started = new ArrayList<>();
            List<String> alreadyRunning = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (String customerNo : page) {
                if (running.contains(customerNo)) {
                    continue;
                }
                try {
                    (starter.startFor(customerNo, trigger) ? started : alreadyRunning).add(customerNo);
                } catch (RuntimeException e) {
                    // one customer's failure must not stop the others; the next evaluation retries
                    log.warn("Disconnection start for customer {} failed: {}", customerNo, e.toString());
                    failed.add(customerNo);
                }
            }
            rows.mark(evaluationId, started, CandidateOutcome.STARTED);
            rows.mark(evaluationId, alreadyRunning, CandidateOutcome.ALREADY_RUNNING);
            rows.mark(evaluationId, failed, CandidateOutcome.START_FAILED);
        }
    }

    private EvaluationReport report(long id, EvaluationTrigger trigger, LocalDate today, LocalDate overdueBefore,
            OffsetDateTime startedAt, OffsetDateTime finishedAt, EvaluationRows.Totals totals, boolean installed) {
        Map<CandidateOutcome, Long> outcomes = rows.outcomes(id);
        long overdue = outcomes.values().stream().mapToLong(Long::longValue).sum();
        long ineligible = outcomes.get(CandidateOutcome.INELIGIBLE);
        long alreadyRunning = outcomes.get(CandidateOutcome.ALREADY_RUNNING);
        int limit = properties.reportListLimit();
        return new EvaluationReport(id, trigger, today, properties.gracePeriod().toString(), overdueBefore,
                startedAt, finishedAt, totals.examined(), totals.inArrears(), totals.withinGrace(), overdue,
                overdue - ineligible - alreadyRunning, alreadyRunning,
                outcomes.get(CandidateOutcome.STARTED), outcomes.get(CandidateOutcome.START_FAILED),
                ineligible, rows.ineligibleReasons(id), installed,
                installed ? null : EvaluationReport.NO_PROCESS_NOTE,
                rows.candidates(id, limit), overdue > limit);
    }
}
