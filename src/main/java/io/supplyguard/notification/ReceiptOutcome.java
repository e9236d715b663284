package io.supplyguard.notification;

/**
 * What a receipt changed. A repeated receipt answers {@code duplicate = true} and changes nothing.
 *
 * @param contactsMarkedUnverified current contacts with the failed number, now UNVERIFIED
 */
record ReceiptOutcome(String messageId, String customerNo, SmsView.Status status, int contactsMarkedUnverified,
        boolean duplicate) {
}
