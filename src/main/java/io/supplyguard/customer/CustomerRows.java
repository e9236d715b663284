package io.supplyguard.customer;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code customer}. */
@Repository
class CustomerRows {

    private final JdbcClient jdbc;

    CustomerRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> numbersIn(java.util.Collection<String> districts) {
        return jdbc.sql("SELECT customer_no FROM customer WHERE district IN (:districts) ORDER BY customer_no")
                .param("districts", districts).query(String.class).list();
    }

    /** Locks the row so that concurrent registrations of one customer apply one after the other. */
    boolean lockExisting(String customerNo) {
        return jdbc.sql("SELECT customer_no FROM customer WHERE customer_no = ? FOR UPDATE")
                .param(customerNo).query(String.class).optional().isPresent();
    }

    void insert(CustomerRegistration r, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO customer (customer_no, name, address, usage_class, billing_mode, district,
                    agreement_signed_on, importance_grade, safety_sensitive, safety_reason, supervising_body,
                    created_at, updated_at)
                VALUES (:no, :name, :address, :usage, :billing, :district, :agreement, :grade, :safety,
                    :reason, :supervisor, :now, :now)""")
                .params(params(r, now)).update();
    }

    void update(CustomerRegistration r, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE customer SET name = :name, address = :address, usage_class = :usage,
                    billing_mode = :billing, district = :district, agreement_signed_on = :agreement,
                    importance_grade = :grade, safety_sensitive = :safety, safety_reason = :reason,
                    supervising_body = :supervisor, updated_at = :now
                WHERE customer_no = :no""")
                .params(params(r, now)).update();
    }

    private static java.util.Map<String, Object> params(CustomerRegistration r, OffsetDateTime now) {
        var map = new java.util.HashMap<String, Object>();
        map.put("no", r.customerNo());
        map.put("name", r.name());
        map.put("address", r.address());
        map.put("usage", r.usageClass().name());
        map.put("billing", r.billingMode().name());
        map.put("district", r.district());
        map.put("agreement", r.agreementSignedOn());
        map.put("grade", r.importanceGrade().name());
        map.put("safety", r.safetySensitive());
        map.put("reason", r.safetyReason() == null ? null : r.safetyReason().name());
        map.put("supervisor", r.supervisingBody());
        map.put("now", now);
        return map;
    }

    Optional<CustomerView> find(String customerNo) {
        return jdbc.sql("SELECT * FROM customer WHERE customer_no = ?").param(customerNo)
                .query((rs, i) -> new CustomerView(
                        rs.getString("customer_no"),
                        rs.getString("name"),
                        rs.getString("address"),
                        UsageClass.valueOf(rs.getString("usage_class")),
                        BillingMode.valueOf(rs.getString("billing_mode")),
                        rs.getString("district"),
                        rs.getObject("agreement_signed_on", java.time.LocalDate.class),
                        ImportanceGrade.valueOf(rs.getString("importance_grade")),
                        rs.getBoolean("safety_sensitive"),
                        rs.getString("safety_reason") == null ? null : SafetyReason.valueOf(rs.getString("safety_reason")),
                        rs.getString("supervising_body"),
                        null, null, null, null, null))
                .optional();
    }
}
