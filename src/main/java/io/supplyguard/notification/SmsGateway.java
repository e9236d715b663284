package io.supplyguard.notification;

/** Hands a message to whatever delivers it. */
interface SmsGateway {

    SmsProperties.Gateway kind();

    /**
     * @return the gateway's own message id, or null when it gives none
     * @throws SmsGatewayException when the message could not be handed over (a technical failure:
     *         the calling job retries and finally raises an incident)
     */
    String send(OutgoingSms sms);
}
