package io.supplyguard.reconnection;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reconnection KPIs for a period [from, to): computed from the module's own records (payments
 * and trips seen, reconnections with their time to restore, field orders).
 */
@Service
public class ReconnectionKpis {

    /** The figures of {@code GET /api/kpis}; times to restore in seconds (null when nothing was restored). */
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
            long remoteCommandFailures,
            long fieldOrdersOpened,
            long fieldOrdersClosed,
            long protectedCustomersCut) {
    }

    private final JdbcClient jdbc;
    private final ReconnectionTimes times;

    ReconnectionKpis(JdbcClient jdbc, ReconnectionTimes times) {
        this.jdbc = jdbc;
        this.times = times;
    }

    @Transactional(readOnly = true)
    public Kpis between(OffsetDateTime from, OffsetDateTime to) {
        List<Long> restore = jdbc.sql("""
                SELECT seconds_to_restore FROM reconnection
                WHERE kind = 'PAYMENT' AND restored_at >= ? AND restored_at < ? AND seconds_to_restore IS NOT NULL
                ORDER BY seconds_to_restore""").params(from, to).query(Long.class).list();
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
                count("""
                        SELECT COUNT(*) FROM reconnection
                        WHERE started_at >= ? AND started_at < ? AND remote_outcome IS NOT NULL
                          AND remote_outcome NOT IN ('CONFIRMED', 'ALREADY_IN_STATE', 'ALREADY_CLOSED')""", from, to),
                count("SELECT COUNT(*) FROM reconnection_field_order WHERE opened_at >= ? AND opened_at < ?", from, to),
                count("""
                        SELECT COUNT(*) FROM reconnection_field_order
                        WHERE closed_at >= ? AND closed_at < ? AND result <> 'CANCELLED'""", from, to),
                count("SELECT COUNT(*) FROM reconnection_trip WHERE tripped_at >= ? AND tripped_at < ? AND protected_customer = TRUE",
                        from, to));
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
