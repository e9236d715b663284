package io.supplyguard.notification;

/** The SMS gateway did not take the message. */
public class SmsGatewayException extends RuntimeException {

    SmsGatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
