package io.supplyguard.notification;

/** The SMS the processes send; texts are configuration (supplyguard.sms.templates.*). */
public enum SmsTemplate {
    BALANCE_WARNING,
    ARREARS_REMINDER,
    DISCONNECTION_NOTICE,
    DISCONNECTION_WARNING,
    DISCONNECTION_ORDER,
    DISCONNECTED,
    RECONNECTED,
    CONTACT_VERIFICATION
}
