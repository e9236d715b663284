package io.supplyguard.notification;

/** Sends SMS to a customer's current valid contact through the configured gateway. */
public interface Notifications {

    /**
     * Sends one SMS from a template (keys under {@code supplyguard.sms.templates}) to the contact
     * {@link io.supplyguard.customer.ContactRule} chooses: the verified one the gate accepted.
     *
     * @return the message (id, phone used); {@link NoValidContactException} when the customer has
     *         no contact verified recently enough to send to
     */
    SentSms sendSms(String customerNo, SmsTemplate template, java.util.Map<String, String> parameters, String processInstanceId);

    record SentSms(String messageId, String phone) {
    }
}
