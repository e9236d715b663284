package io.supplyguard.reconnection;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.supplyguard.disconnection.DisconnectionOutcomeCounts;
import io.supplyguard.infrastructure.web.FieldError;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reconnection KPIs for a period [from, to): computed from the module's own records (payments
 * and trips seen, reconnections with their time to restore, field orders) and the disconnection
 * module's record of outcomes. The per-day figures of a period are the same computation for each
 * business day, so {@code GET /api/kpis} and the Cockpit KPI page show one set of numbers.
 */
@Service
public class ReconnectionKpis {

    /** Longest period of {@code GET /api/kpis} (its per-day series is computed day by day). */
    public static final int MAX_DAYS = 366;

    /**
     * The figures of {@code GET /api/kpis}; times to restore in seconds (null when nothing was
     * restored), the failure rate of remote closes (null without any), and for a period its days.
     */
    public record Kpis(
            OffsetDateTime from,
            OffsetDateTime to,
            long payments,
            long paymentsClearingArrears,
            long reconnections,
            long emergencyReconnections,
            Long medianSecondsToRestore,
            Long p95SecondsToRestore,
            long overnightBreaches,
            long remoteCommands,
            long remoteCommandFailures,
            Double remoteCommandFailureRate,
            long fieldOrdersOpened,
            long fieldOrdersClosed,
            long protectedCustomersCut,
            Map<String, Long> disconnectionsByOutcome,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Kpis> days) {
    }

    private final JdbcClient jdbc;
    private final ReconnectionTimes times;
    private final DisconnectionOutcomeCounts disconnections;

    ReconnectionKpis(JdbcClient jdbc, ReconnectionTimes times, DisconnectionOutcomeCounts disconnections) {
        this.jdbc = jdbc;
        this.times = times;
        this.disconnections = disconnections;
    }

    /** Business days {@code from} … {@code to}, both included (at most {@link #MAX_DAYS}): the period's figures and each day's. */
    @Transactional(readOnly = true)
    public Kpis forDays(LocalDate from, LocalDate to) {
        ZoneId zone = times.clock().getZone();
        List<Kpis> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(between(day.atStartOfDay(zone).toOffsetDateTime(), day.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), null));
        }
        return between(from.atStartOfDay(zone).toOffsetDateTime(), to.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), days);
    }

    @Transactional(readOnly = true)
    public Kpis between(OffsetDateTime from, OffsetDateTime to) {
        return between(from, to, null);
    }

    private Kpis between(OffsetDateTime from, OffsetDateTime to, List<Kpis> days) {
        List<Long> restore = jdbc.sql("""
                SELECT seconds_to_restore FROM reconnection
                WHERE kind = 'PAYMENT' AND restored_at >= ? AND restored_at < ? AND seconds_to_restore IS NOT NULL
                ORDER BY seconds_to_restore""").params(from, to).query(Long.class).list();
        long remoteCommands = count("""
                SELECT COUNT(*) FROM reconnection
                WHERE started_at >= ? AND started_at < ? AND remote_outcome IS NOT NULL""", from, to);
        long remoteFailures = count("""
                SELECT COUNT(*) FROM reconnection
                WHERE started_at >= ? AND started_at < ? AND remote_outcome IS NOT NULL
                  AND remote_outcome NOT IN ('CONFIRMED', 'ALREADY_IN_STATE', 'ALREADY_CLOSED')""", from, to);
        return new Kpis(from, to,
                count("SELECT COUNT(*) FROM reconnection_payment WHERE paid_at >= ? AND paid_at < ?", from, to),
                count("SELECT COUNT(*) FROM reconnection_payment WHERE paid_at >= ? AND paid_at < ? AND arrears_after = 0", from, to),
                restore.size(),
                count("SELECT COUNT(*) FROM reconnection WHERE kind = 'EMERGENCY' AND started_at >= ? AND started_at < ?", from, to),
                percentile(restore, 50),
                percentile(restore, 95),
                count("""
                        SELECT COUNT(*) FROM reconnection
                        WHERE kind = 'PAYMENT' AND deadline_at >= ? AND deadline_at < ?
                          AND ((restored_at IS NOT NULL AND restored_at > deadline_at)
                            OR (restored_at IS NULL AND ended_at IS NULL AND deadline_at < ?))""", from, to, times.now()),
                remoteCommands,
                remoteFailures,
                remoteCommands == 0 ? null : (double) remoteFailures / remoteCommands,
                count("SELECT COUNT(*) FROM reconnection_field_order WHERE opened_at >= ? AND opened_at < ?", from, to),
                count("""
                        SELECT COUNT(*) FROM reconnection_field_order
                        WHERE closed_at >= ? AND closed_at < ? AND result <> 'CANCELLED'""", from, to),
                count("SELECT COUNT(*) FROM reconnection_trip WHERE tripped_at >= ? AND tripped_at < ? AND protected_customer = TRUE",
                        from, to),
                disconnections.between(from, to),
                days);
    }

    /** What is wrong with a period of {@link #forDays}, each naming its field; empty when it can be computed. */
    public static List<FieldError> periodProblems(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return List.of(new FieldError("from", "Order", "must not be after to"));
        }
        if (from.plusDays(MAX_DAYS - 1L).isBefore(to)) {
            return List.of(new FieldError("to", "Range", "at most " + MAX_DAYS + " days after from"));
        }
        return List.of();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** Nearest-rank percentile of sorted values. */
    static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
