package io.supplyguard.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code sms_message}: outbox and history in one. */
@Repository
class SmsRows {

    private final JdbcClient jdbc;

    SmsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OutgoingSms sms, String processInstanceId, SmsProperties.Gateway gateway, String gatewayRef,
            OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO sms_message (message_id, customer_no, phone, template, body, process_instance_id,
                    gateway, gateway_ref, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'SENT', ?)""")
                .params(sms.messageId(), sms.customerNo(), sms.phone(), sms.template().name(), sms.text(),
                        processInstanceId, gateway.name(), gatewayRef, now)
                .update();
    }

    Optional<SmsView> lock(String messageId) {
        return jdbc.sql("SELECT * FROM sms_message WHERE message_id = ? FOR UPDATE").param(messageId)
                .query(SmsRows::map).optional();
    }

    void report(String messageId, SmsView.Status status, String reason, OffsetDateTime reportedAt) {
        jdbc.sql("UPDATE sms_message SET status = ?, failure_reason = ?, reported_at = ? WHERE message_id = ?")
                .params(status.name(), reason, reportedAt, messageId).update();
    }

    List<SmsView> ofCustomer(String customerNo) {
        return jdbc.sql("SELECT * FROM sms_message WHERE customer_no = ? ORDER BY created_at DESC, message_id")
                .param(customerNo).query(SmsRows::map).list();
    }

    private static SmsView map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SmsView(
                rs.getString("message_id"),
                rs.getString("customer_no"),
                rs.getString("phone"),
                SmsTemplate.valueOf(rs.getString("template")),
                rs.getString("body"),
                rs.getString("process_instance_id"),
                rs.getString("gateway"),
                rs.getString("gateway_ref"),
                SmsView.Status.valueOf(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("reported_at", OffsetDateTime.class),
                rs.getString("failure_reason"));
    }
}
