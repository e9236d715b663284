package io.supplyguard.notification;

/** A receipt contradicts the result reported before. */
class ReceiptConflictException extends RuntimeException {

    ReceiptConflictException(String messageId, SmsView.Status reported) {
        super("SMS message " + messageId + " was already reported " + reported);
    }
}
