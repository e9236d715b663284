package io.supplyguard.dispute;

import io.supplyguard.switching.DisputeRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/** The dispute records (table {@code dispute}); the kernel reads them through {@link DisputeRecords}. */
@Service
public class Disputes implements DisputeRecords {

    private final JdbcClient jdbc;

    Disputes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new open dispute; who and when are the caller's authenticated user and the server's clock. */
    Dispute open(String customerNo, Dispute.Kind kind, String description, Dispute.Source source, String ticketNo,
            String recordedBy, OffsetDateTime recordedAt, OffsetDateTime escalateAt, String processInstanceId) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO dispute (customer_no, kind, description, source, ticket_no, recorded_by, recorded_at, escalate_at,
                                     process_instance_id, status)
                VALUES (:customerNo, :kind, :description, :source, :ticketNo, :by, :at, :escalateAt, :pid, 'OPEN')""")
                .param("customerNo", customerNo).param("kind", kind.name()).param("description", description)
                .param("source", source.name()).param("ticketNo", ticketNo).param("by", recordedBy).param("at", recordedAt)
                .param("escalateAt", escalateAt).param("pid", processInstanceId)
                .update(key, "id");
        return find(key.getKey().longValue()).orElseThrow();
    }

    /** Resolves an open dispute once; false when it was resolved already. */
    boolean resolve(long id, Dispute.Status outcome, String text, String resolvedBy, OffsetDateTime resolvedAt) {
        return jdbc.sql("""
                UPDATE dispute SET status = :status, resolution_text = :text, resolved_by = :by, resolved_at = :at
                WHERE id = :id AND status = 'OPEN'""")
                .param("status", outcome.name()).param("text", text).param("by", resolvedBy).param("at", resolvedAt)
                .param("id", id).update() == 1;
    }

    public Optional<Dispute> find(long id) {
        return jdbc.sql("SELECT * FROM dispute WHERE id = :id").param("id", id).query(Disputes::map).optional();
    }

    public List<Dispute> ofCustomer(String customerNo) {
        return jdbc.sql("SELECT * FROM dispute WHERE customer_no = :c ORDER BY recorded_at, id").param("c", customerNo)
                .query(Disputes::map).list();
    }

    @Override
    public List<DisputeState> of(String customerNo) {
        return ofCustomer(customerNo).stream()
                .map(d -> new DisputeState(d.id(), d.kind().name(), d.status().name(), d.recordedAt(), d.resolvedAt())).toList();
    }

    private static Dispute map(ResultSet rs, int row) throws SQLException {
        return new Dispute(rs.getLong("id"), rs.getString("customer_no"), Dispute.Kind.valueOf(rs.getString("kind")),
                rs.getString("description"), Dispute.Source.valueOf(rs.getString("source")), rs.getString("ticket_no"),
                rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class),
                rs.getObject("escalate_at", OffsetDateTime.class), rs.getString("process_instance_id"),
                Dispute.Status.valueOf(rs.getString("status")), rs.getString("resolved_by"),
                rs.getObject("resolved_at", OffsetDateTime.class), rs.getString("resolution_text"));
    }
}
