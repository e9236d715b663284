package io.supplyguard.notification;

/**
 * Published when the SMS gateway reports the fate of a message. A failed delivery is correlated
 * to the sending process as {@code Message_SmsDeliveryFailed} (the contact is no longer trusted).
 */
public record SmsDeliveryReported(
        String messageId,
        String customerNo,
        String phone,
        String processInstanceId,
        boolean delivered,
        String failureReason) {
}
