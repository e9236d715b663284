package io.supplyguard.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The default without a real gateway: the message is kept in the outbox table (visible in the
 * customer's SMS history) and written to the log with the phone number masked.
 */
@Component
@ConditionalOnProperty(name = "supplyguard.sms.gateway", havingValue = "embedded", matchIfMissing = true)
class EmbeddedSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmsGateway.class);

    @Override
    public SmsProperties.Gateway kind() {
        return SmsProperties.Gateway.EMBEDDED;
    }

    @Override
    public String send(OutgoingSms sms) {
        log.info("SMS {} to {} (customer {}, {}): {}", sms.messageId(), PhoneMask.mask(sms.phone()),
                sms.customerNo(), sms.template(), sms.text());
        return null;
    }
}
