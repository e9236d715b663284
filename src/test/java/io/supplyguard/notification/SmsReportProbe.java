package io.supplyguard.notification;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Hears delivery reports after commit, as the disconnection process module will. */
@Component
class SmsReportProbe {

    private final List<SmsDeliveryReported> heard = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(SmsDeliveryReported report) {
        heard.add(report);
    }

    List<SmsDeliveryReported> of(String messageId) {
        return heard.stream().filter(r -> r.messageId().equals(messageId)).toList();
    }
}
