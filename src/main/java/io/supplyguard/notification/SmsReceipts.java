package io.supplyguard.notification;

import io.supplyguard.customer.CustomerRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies delivery receipts. A failed delivery means the number can no longer be trusted: the
 * contact becomes UNVERIFIED, which puts it on the district manager's verification list and makes
 * notices count only after it is verified again (P1).
 */
@Service
class SmsReceipts {

    static final String SOURCE = "SMS_RECEIPT";
    private static final Logger log = LoggerFactory.getLogger(SmsReceipts.class);

    private final SmsRows rows;
    private final CustomerRegistry registry;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SmsReceipts(SmsRows rows, CustomerRegistry registry, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.registry = registry;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @throws UnknownMessageException   when no message has this id
     * @throws ReceiptConflictException when the message was reported with the other result already
     */
    @Transactional
    ReceiptOutcome apply(SmsReceipt receipt) {
        SmsView sms = rows.lock(receipt.messageId()).orElseThrow(() -> new UnknownMessageException(receipt.messageId()));
        SmsView.Status reported = SmsView.Status.valueOf(receipt.status().name());
        if (sms.status() == reported) {
            return new ReceiptOutcome(sms.messageId(), sms.customerNo(), reported, 0, true);
        }
        if (sms.status() != SmsView.Status.SENT) {
            throw new ReceiptConflictException(sms.messageId(), sms.status());
        }
        OffsetDateTime at = receipt.reportedAt() == null ? OffsetDateTime.now(clock) : receipt.reportedAt();
        rows.report(sms.messageId(), reported, receipt.reason(), at);
        boolean delivered = reported == SmsView.Status.DELIVERED;
        int marked = delivered ? 0 : registry.markContactUnverified(sms.customerNo(), sms.phone(), SOURCE);
        if (!delivered) {
            log.warn("SMS {} to {} (customer {}) not delivered ({}): {} contact(s) marked UNVERIFIED", sms.messageId(),
                    PhoneMask.mask(sms.phone()), sms.customerNo(), receipt.reason(), marked);
        }
        // listeners (processes waiting for Message_SmsDeliveryFailed) hear it after commit
        events.publishEvent(new SmsDeliveryReported(sms.messageId(), sms.customerNo(), sms.phone(),
                sms.processInstanceId(), delivered, receipt.reason()));
        return new ReceiptOutcome(sms.messageId(), sms.customerNo(), reported, marked, false);
    }
}
