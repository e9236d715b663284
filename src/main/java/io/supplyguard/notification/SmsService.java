package io.supplyguard.notification;

import io.supplyguard.customer.ContactRule;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView.ContactView;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Notifications} over the configured gateway. The message is handed over inside the
 * caller's transaction (a process job): if that job rolls back after the gateway took the
 * message, its retry sends again, so customers may get a message twice but never miss one.
 */
@Service
class SmsService implements Notifications {

    private final CustomerRegistry registry;
    private final ContactRule contacts;
    private final SmsTexts texts;
    private final SmsGateway gateway;
    private final SmsRows rows;
    private final Clock clock;

    SmsService(CustomerRegistry registry, ContactRule contacts, SmsTexts texts, SmsGateway gateway, SmsRows rows, Clock clock) {
        this.registry = registry;
        this.contacts = contacts;
        this.texts = texts;
        this.gateway = gateway;
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    @Transactional
    public SentSms sendSms(String customerNo, SmsTemplate template, Map<String, String> parameters,
            String processInstanceId) {
        ContactView contact = contacts.of(registry.get(customerNo))
                .orElseThrow(() -> new NoValidContactException(customerNo));
        OutgoingSms sms = new OutgoingSms(UUID.randomUUID().toString(), customerNo, contact.phone(), template,
                texts.render(template, customerNo, parameters));
        String gatewayRef = gateway.send(sms);
        rows.insert(sms, processInstanceId, gateway.kind(), gatewayRef, OffsetDateTime.now(clock));
        return new SentSms(sms.messageId(), sms.phone());
    }
}
