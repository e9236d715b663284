package io.supplyguard.disconnection;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The disconnection module's own record of outcomes (table {@code disconnection_outcome}): written
 * by {@link Outcomes} when an instance records its outcome, counted for the KPIs.
 */
@Service
public class DisconnectionOutcomeCounts {

    private final JdbcClient jdbc;
    private final Clock clock;

    DisconnectionOutcomeCounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Outcomes recorded in [from, to), by outcome code (only outcomes that occurred). */
    public Map<String, Long> between(OffsetDateTime from, OffsetDateTime to) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("""
                SELECT outcome, COUNT(*) AS n FROM disconnection_outcome
                WHERE recorded_at >= ? AND recorded_at < ? GROUP BY outcome""")
                .params(from, to)
                .query((rs, i) -> counts.put(rs.getString("outcome"), rs.getLong("n"))).list();
        return counts;
    }

    /**
     * The first outcome of an instance stands (issue 14 item 8): a later end of the same instance —
     * a payment correlated right after the trip's result ended it — records nothing, instead of
     * failing the correlation's transaction on the primary key.
     */
    void record(String processInstanceId, String customerNo, String outcome) {
        jdbc.sql("""
                INSERT INTO disconnection_outcome (process_instance_id, customer_no, outcome, recorded_at)
                SELECT ?, ?, ?, ? FROM (VALUES (1)) AS one (x)
                WHERE NOT EXISTS (SELECT 1 FROM disconnection_outcome WHERE process_instance_id = ?)""")
                .params(processInstanceId, customerNo, outcome, OffsetDateTime.now(clock), processInstanceId).update();
    }
}
