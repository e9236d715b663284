package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.notification.NoValidContactException;
import io.supplyguard.notification.Notifications;
import io.supplyguard.notification.SmsTemplate;
import io.supplyguard.switching.DisconnectionProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * SMS steps of the disconnection models: {@code ${disconnectionSms.send(execution, 'ARREARS_REMINDER')}}.
 * A customer without a valid contact is a business outcome (BPMN error), not a technical failure.
 */
@Component("disconnectionSms")
public class DisconnectionSms {

    static final String ERROR_NO_VALID_CONTACT = "Error_NoValidContact";

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final Notifications notifications;
    private final DisconnectionProperties properties;
    private final Clock clock;

    DisconnectionSms(Notifications notifications, DisconnectionProperties properties, Clock clock) {
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    /** The moment the message is about: execution time once known, else the end of the reminder period. */
    private OffsetDateTime deadline(DelegateExecution execution) {
        for (String name : new String[] {EXECUTE_AT, EXECUTION_AT, EARLIEST_EXECUTION_AT}) {
            Object value = execution.getVariable(name);
            if (value != null) {
                return OffsetDateTime.parse(value.toString()).atZoneSameInstant(clock.getZone()).toOffsetDateTime();
            }
        }
        return OffsetDateTime.now(clock).plus(properties.reminderPeriod());
    }

    public void send(DelegateExecution execution, String template) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("amount", new BigDecimal(execution.getVariable(ARREARS).toString()).setScale(2, RoundingMode.HALF_UP).toPlainString());
        parameters.put("deadline", SHOWN.format(deadline(execution)));
        parameters.put("time", SHOWN.format(OffsetDateTime.now(clock)));
        try {
            notifications.sendSms((String) execution.getVariable(CUSTOMER_NO), SmsTemplate.valueOf(template), parameters,
                    execution.getProcessInstanceId());
        } catch (NoValidContactException e) {
            throw new BpmnError(ERROR_NO_VALID_CONTACT, e.getMessage());
        }
    }
}
