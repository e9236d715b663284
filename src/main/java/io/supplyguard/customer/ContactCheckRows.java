package io.supplyguard.customer;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code contact_check}: who checked which number of a customer, when, with what result. */
@Repository
class ContactCheckRows {

    private final JdbcClient jdbc;

    ContactCheckRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String customerNo, String phone, ContactRole role, boolean confirmed, ContactCheckChannel channel,
            String checkedBy, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO contact_check (customer_no, phone, contact_role, confirmed, channel, checked_by, checked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(customerNo, phone, role.name(), confirmed, channel.name(), checkedBy, at).update();
    }

    List<RecordedContactCheck> of(String customerNo) {
        return jdbc.sql("SELECT * FROM contact_check WHERE customer_no = ? ORDER BY id").param(customerNo)
                .query((rs, i) -> new RecordedContactCheck(rs.getString("customer_no"), rs.getString("phone"),
                        ContactRole.valueOf(rs.getString("contact_role")), rs.getBoolean("confirmed"),
                        ContactCheckChannel.valueOf(rs.getString("channel")), rs.getString("checked_by"),
                        rs.getObject("checked_at", OffsetDateTime.class)))
                .list();
    }
}
