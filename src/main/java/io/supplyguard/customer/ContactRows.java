package io.supplyguard.customer;

import io.supplyguard.customer.CustomerView.ContactView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code customer_contact}: rows are closed (valid_to), never deleted. */
@Repository
class ContactRows {

    private final JdbcClient jdbc;

    ContactRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ContactView> current(String customerNo) {
        return jdbc.sql("SELECT * FROM customer_contact WHERE customer_no = ? AND valid_to IS NULL ORDER BY id")
                .param(customerNo).query(ContactRows::map).list();
    }

    List<ContactView> ended(String customerNo) {
        return jdbc.sql("SELECT * FROM customer_contact WHERE customer_no = ? AND valid_to IS NOT NULL ORDER BY valid_to, id")
                .param(customerNo).query(ContactRows::map).list();
    }

    void insert(String customerNo, CustomerRegistration.Contact c, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO customer_contact (customer_no, phone, contact_role, status, verified_at, source, valid_from)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(customerNo, c.phone(), c.role().name(), c.status().name(), c.verifiedAt(), c.source(), now)
                .update();
    }

    void updateStatus(long id, ContactStatus status, OffsetDateTime verifiedAt, String source) {
        jdbc.sql("UPDATE customer_contact SET status = ?, verified_at = ?, source = ? WHERE id = ?")
                .params(status.name(), verifiedAt, source, id).update();
    }

    void close(long id, OffsetDateTime now) {
        jdbc.sql("UPDATE customer_contact SET valid_to = ? WHERE id = ? AND valid_to IS NULL").params(now, id).update();
    }

    int markUnverified(String customerNo, String phone, String source) {
        return jdbc.sql("""
                UPDATE customer_contact SET status = 'UNVERIFIED', source = ?
                WHERE customer_no = ? AND phone = ? AND valid_to IS NULL""")
                .params(source, customerNo, phone).update();
    }

    List<ContactToVerify> toVerify(OffsetDateTime verifiedBefore, String district) {
        return jdbc.sql("""
                SELECT c.district, c.customer_no, c.name, k.phone, k.contact_role, k.status, k.verified_at
                FROM customer_contact k JOIN customer c ON c.customer_no = k.customer_no
                WHERE k.valid_to IS NULL
                  AND (k.status <> 'VALID' OR k.verified_at IS NULL OR k.verified_at < :before)
                  AND (CAST(:district AS VARCHAR(40)) IS NULL OR c.district = :district)
                ORDER BY c.district, c.customer_no, k.id""")
                .param("before", verifiedBefore)
                .param("district", district)
                .query((rs, i) -> new ContactToVerify(rs.getString("district"), rs.getString("customer_no"),
                        rs.getString("name"), rs.getString("phone"), ContactRole.valueOf(rs.getString("contact_role")),
                        ContactStatus.valueOf(rs.getString("status")), rs.getObject("verified_at", OffsetDateTime.class)))
                .list();
    }

    List<String> districtsToVerify(OffsetDateTime verifiedBefore) {
        return jdbc.sql("""
                SELECT DISTINCT c.district
                FROM customer_contact k JOIN customer c ON c.customer_no = k.customer_no
                WHERE k.valid_to IS NULL
                  AND (k.status <> 'VALID' OR k.verified_at IS NULL OR k.verified_at < ?)
                ORDER BY c.district""")
                .param(verifiedBefore).query(String.class).list();
    }

    private static ContactView map(ResultSet rs, int row) throws SQLException {
        return new ContactView(
                rs.getLong("id"),
                rs.getString("phone"),
                ContactRole.valueOf(rs.getString("contact_role")),
                ContactStatus.valueOf(rs.getString("status")),
                rs.getObject("verified_at", OffsetDateTime.class),
                rs.getString("source"),
                rs.getObject("valid_from", OffsetDateTime.class),
                rs.getObject("valid_to", OffsetDateTime.class));
    }
}
