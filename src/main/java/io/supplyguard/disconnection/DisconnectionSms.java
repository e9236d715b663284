package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.notification.NoValidContactException;
import io.supplyguard.notification.Notifications;
import io.supplyguard.notification.SmsTemplate;
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

    private final Notifications notifications;

    DisconnectionSms(Notifications notifications) {
        this.notifications = notifications;
    }

    public void send(DelegateExecution execution, String template) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : new String[] {CUSTOMER_NO, CUSTOMER_NAME, ARREARS, EARLIEST_EXECUTION_AT, NOTICE_TIME, EXECUTE_AT}) {
            Object value = execution.getVariable(name);
            if (value != null) {
                parameters.put(name, value.toString());
            }
        }
        try {
            notifications.sendSms((String) execution.getVariable(CUSTOMER_NO), SmsTemplate.valueOf(template), parameters,
                    execution.getProcessInstanceId());
        } catch (NoValidContactException e) {
            throw new BpmnError(ERROR_NO_VALID_CONTACT, e.getMessage());
        }
    }
}
