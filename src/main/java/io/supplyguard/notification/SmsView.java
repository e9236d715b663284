package io.supplyguard.notification;

import java.time.OffsetDateTime;

/** One message in a customer's SMS history. */
public record SmsView(
        String messageId,
        String customerNo,
        String phone,
        SmsTemplate template,
        String text,
        String processInstanceId,
        String gateway,
        String gatewayRef,
        Status status,
        OffsetDateTime createdAt,
        OffsetDateTime reportedAt,
        String failureReason) {

    public enum Status { SENT, DELIVERED, FAILED }
}
