package io.supplyguard.testsupport;

import io.supplyguard.notification.Notifications;
import io.supplyguard.notification.SmsTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Stand-in SMS gateway for tests of modules built before the notification module: records what was sent. */
public class FakeNotifications implements Notifications {

    public record Sent(String customerNo, SmsTemplate template, Map<String, String> parameters, String processInstanceId) {
    }

    private final List<Sent> sent = new ArrayList<>();

    @Override
    public synchronized SentSms sendSms(String customerNo, SmsTemplate template, Map<String, String> parameters, String processInstanceId) {
        sent.add(new Sent(customerNo, template, Map.copyOf(parameters), processInstanceId));
        return new SentSms(UUID.randomUUID().toString(), "13800000000");
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }
}
