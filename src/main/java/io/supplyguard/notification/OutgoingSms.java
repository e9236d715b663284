package io.supplyguard.notification;

/** One message on its way to a gateway. */
record OutgoingSms(String messageId, String customerNo, String phone, SmsTemplate template, String text) {
}
