package io.supplyguard.account;

import io.supplyguard.account.EvaluationReport.Candidate;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code fee_control_evaluation} and {@code fee_control_candidate}. The evaluation itself
 * is two set-based statements over {@code account}; Java only pages through the eligible few.
 */
@Repository
class EvaluationRows {

    private final JdbcClient jdbc;

    EvaluationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Totals(long examined, long inArrears, long withinGrace) {
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the scheduled slot ran already */
    long open(EvaluationTrigger trigger, String slot, LocalDate businessDate, LocalDate overdueBefore,
            OffsetDateTime startedAt, boolean starterInstalled) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO fee_control_evaluation (trigger_kind, scheduled_slot, business_date, overdue_before,
                    started_at, starter_installed)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(trigger.name(), slot, businessDate, overdueBefore, startedAt, starterInstalled)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Counts every account in one scan. */
    Totals examine(LocalDate overdueBefore) {
        return jdbc.sql("""
                SELECT COUNT(*) AS examined,
                    COALESCE(SUM(CASE WHEN arrears > 0 THEN 1 ELSE 0 END), 0) AS in_arrears,
                    COALESCE(SUM(CASE WHEN arrears > 0 AND (overdue_since IS NULL OR overdue_since >= ?)
                        THEN 1 ELSE 0 END), 0) AS within_grace
                FROM account""")
                .param(overdueBefore)
                .query((rs, i) -> new Totals(rs.getLong("examined"), rs.getLong("in_arrears"), rs.getLong("within_grace")))
                .single();
    }

    /** Records every customer overdue beyond the grace period with its eligibility, in one statement. */
    void recordOverdue(long evaluationId, LocalDate overdueBefore) {
        jdbc.sql("""
                INSERT INTO fee_control_candidate (evaluation_id, customer_no, outcome, reason, arrears, overdue_since)
                SELECT ?, a.customer_no,
                    CASE WHEN c.agreement_signed_on IS NULL OR b.meter_no IS NULL THEN 'INELIGIBLE' ELSE 'ELIGIBLE' END,
                    CASE WHEN c.agreement_signed_on IS NULL THEN 'NO_AGREEMENT'
                         WHEN b.meter_no IS NULL THEN 'NO_ACTIVE_METER' END,
                    a.arrears, a.overdue_since
                FROM account a
                JOIN customer c ON c.customer_no = a.customer_no
                LEFT JOIN meter_binding b ON b.active_customer_no = a.customer_no
                WHERE a.arrears > 0 AND a.overdue_since < ?""")
                .params(evaluationId, overdueBefore)
                .update();
    }

    /** The next page of ELIGIBLE customers after {@code after}, in customer number order. */
    List<String> eligiblePage(long evaluationId, String after, int size) {
        return jdbc.sql("""
                SELECT customer_no FROM fee_control_candidate
                WHERE evaluation_id = ? AND outcome = 'ELIGIBLE' AND customer_no > ?
                ORDER BY customer_no FETCH FIRST ? ROWS ONLY""")
                .params(evaluationId, after, size)
                .query(String.class).list();
    }

    void mark(long evaluationId, Collection<String> customerNos, CandidateOutcome outcome) {
        for (String customerNo : customerNos) {
            jdbc.sql("UPDATE fee_control_candidate SET outcome = ? WHERE evaluation_id = ? AND customer_no = ?")
                    .params(outcome.name(), evaluationId, customerNo).update();
        }
    }

    void finish(long evaluationId, Totals totals, OffsetDateTime finishedAt) {
        jdbc.sql("""
                UPDATE fee_control_evaluation SET examined = ?, in_arrears = ?, within_grace = ?, finished_at = ?
                WHERE id = ?""")
                .params(totals.examined(), totals.inArrears(), totals.withinGrace(), finishedAt, evaluationId)
                .update();
    }

    Map<CandidateOutcome, Long> outcomes(long evaluationId) {
        Map<CandidateOutcome, Long> counts = new EnumMap<>(CandidateOutcome.class);
        for (CandidateOutcome outcome : CandidateOutcome.values()) {
            counts.put(outcome, 0L);
        }
        jdbc.sql("SELECT outcome, COUNT(*) AS n FROM fee_control_candidate WHERE evaluation_id = ? GROUP BY outcome")
                .param(evaluationId)
                .query((rs, i) -> counts.put(CandidateOutcome.valueOf(rs.getString("outcome")), rs.getLong("n")))
                .list();
        return counts;
    }

    Map<IneligibleReason, Long> ineligibleReasons(long evaluationId) {
        Map<IneligibleReason, Long> counts = new EnumMap<>(IneligibleReason.class);
        jdbc.sql("""
                SELECT reason, COUNT(*) AS n FROM fee_control_candidate
                WHERE evaluation_id = ? AND outcome = 'INELIGIBLE' GROUP BY reason""")
                .param(evaluationId)
                .query((rs, i) -> counts.put(IneligibleReason.valueOf(rs.getString("reason")), rs.getLong("n")))
                .list();
        return counts;
    }

    boolean exists(long evaluationId) {
        return jdbc.sql("SELECT COUNT(*) FROM fee_control_evaluation WHERE id = ?").param(evaluationId)
                .query(Integer.class).single() > 0;
    }

    /** A page of one evaluation's candidates in customer number order, optionally of one outcome. */
    List<Candidate> candidatePage(long evaluationId, CandidateOutcome outcome, String after, int size) {
        return jdbc.sql("""
                SELECT customer_no, outcome, reason, arrears, overdue_since FROM fee_control_candidate
                WHERE evaluation_id = :id AND customer_no > :after
                  AND (CAST(:outcome AS VARCHAR(20)) IS NULL OR outcome = :outcome)
                ORDER BY customer_no FETCH FIRST :size ROWS ONLY""")
                .param("id", evaluationId)
                .param("after", after)
                .param("outcome", outcome == null ? null : outcome.name())
                .param("size", size)
                .query(EvaluationRows::candidate)
                .list();
    }

    /** The first {@code limit} candidates, the actionable ones first. */
    List<Candidate> candidates(long evaluationId, int limit) {
        return jdbc.sql("""
                SELECT customer_no, outcome, reason, arrears, overdue_since FROM fee_control_candidate
                WHERE evaluation_id = ?
                ORDER BY CASE outcome WHEN 'STARTED' THEN 0 WHEN 'ELIGIBLE' THEN 1 WHEN 'START_FAILED' THEN 2
                    WHEN 'ALREADY_RUNNING' THEN 3 ELSE 4 END, customer_no
                FETCH FIRST ? ROWS ONLY""")
                .params(evaluationId, limit)
                .query(EvaluationRows::candidate)
                .list();
    }

    private static Candidate candidate(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Candidate(rs.getString("customer_no"), CandidateOutcome.valueOf(rs.getString("outcome")),
                rs.getString("reason") == null ? null : IneligibleReason.valueOf(rs.getString("reason")),
                rs.getBigDecimal("arrears"), rs.getObject("overdue_since", LocalDate.class));
    }
}
