package io.supplyguard.notification;

/** A receipt names a message that was never sent from here. */
class UnknownMessageException extends RuntimeException {

    UnknownMessageException(String messageId) {
        super("SMS message " + messageId + " is unknown");
    }
}
