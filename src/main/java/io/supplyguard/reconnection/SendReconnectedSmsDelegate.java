package io.supplyguard.reconnection;

import static io.supplyguard.reconnection.PaymentReconnectionVariables.*;

import io.supplyguard.notification.NoValidContactException;
import io.supplyguard.notification.Notifications;
import io.supplyguard.notification.SmsTemplate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Tells the customer the supply is back (template RECONNECTED). Sent once per process. */
@Component("sendReconnectedSms")
class SendReconnectedSmsDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendReconnectedSmsDelegate.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Notifications notifications;
    private final ReconnectionTimes times;

    SendReconnectedSmsDelegate(Notifications notifications, ReconnectionTimes times) {
        this.notifications = notifications;
        this.times = times;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (Boolean.TRUE.equals(execution.getVariable(SMS_SENT))) {
            return;
        }
        String customerNo = (String) execution.getVariable(CUSTOMER_NO);
        Date restoredAt = (Date) execution.getVariable(RESTORED_AT);
        // template RECONNECTED: {customerNo}, {time}; pressButton for meters the customer closes at the button
        Map<String, String> parameters = Map.of(
                "customerNo", customerNo,
                "meterNo", String.valueOf(execution.getVariable(METER_NO)),
                "time", restoredAt.toInstant().atZone(times.clock().getZone()).format(TIME),
                "pressButton", String.valueOf("CLOSE_ALLOWED".equals(execution.getVariable(CLOSE_MODE))
                        && "REMOTE".equals(execution.getVariable(RESTORED_BY))
                        && !Boolean.TRUE.equals(execution.getVariable(RemoteCloseDelegate.FORCE_DIRECT_CLOSE))));
        try {
            notifications.sendSms(customerNo, SmsTemplate.RECONNECTED, parameters, execution.getProcessInstanceId());
            execution.setVariable(SMS_SENT, true);
        } catch (NoValidContactException e) {
            // restoring supply does not wait for a verified contact
            log.warn("reconnection SMS to {} not sent: {}", customerNo, e.getMessage());
            execution.setVariable(SMS_SENT, false);
        }
    }
}
