package io.supplyguard.reconnection;

import static io.supplyguard.reconnection.EmergencyReconnectionVariables.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Ends every running arrears disconnection of the customer with the emergency's reason: message
 * {@code Message_EmergencyReconnection} (interrupting event subprocess of the disconnection
 * model). No disconnection running, or none waiting for the message, is not an error.
 */
@Component("stopDisconnection")
class StopDisconnectionDelegate implements JavaDelegate {

    private final RuntimeService runtime;

    StopDisconnectionDelegate(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerNo = (String) execution.getVariable(CUSTOMER_NO);
        int stopped = 0;
        for (ProcessInstance disconnection : runtime.createProcessInstanceQuery()
                .processDefinitionKey(DISCONNECTION_PROCESS_ID).processInstanceBusinessKey(customerNo).active().list()) {
            stopped += runtime.createMessageCorrelation(MESSAGE_EMERGENCY_RECONNECTION)
                    .processInstanceId(disconnection.getId())
                    .setVariable(EMERGENCY_REASON, execution.getVariable(EMERGENCY_REASON))
                    .correlateAllWithResult().size();
        }
        execution.setVariable(DISCONNECTIONS_STOPPED, stopped);
    }
}
