package io.supplyguard.dispute;

import static io.supplyguard.dispute.DisputeVariables.*;

import io.supplyguard.reconnection.EmergencyReconnectionVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 发起应急复电: the reconnection desk decided that the disputing customer, already cut, gets power
 * back now. Starts {@code emergency-reconnection} in the desk's completing transaction, so its
 * initiator is the desk's user and a refusal (another emergency running) fails the completion.
 */
@Component("disputeEmergencyReconnection")
class DisputeEmergencyReconnection implements JavaDelegate {

    static final List<String> EMERGENCY_REASONS = List.of("DANGER_TO_LIFE", "MAJOR_PROPERTY_LOSS");

    private final RuntimeService runtime;

    DisputeEmergencyReconnection(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = DisputeAuthority.text(execution, EMERGENCY_REASON);
        if (!EMERGENCY_REASONS.contains(reason)) {
            throw new BadUserRequestException("请选择应急复电原因（field '" + EMERGENCY_REASON + "' one of " + EMERGENCY_REASONS + "）");
        }
        String description = DisputeAuthority.text(execution, EMERGENCY_DESCRIPTION);
        String customerNo = DisputeAuthority.text(execution, CUSTOMER_NO);
        Map<String, Object> variables = new HashMap<>();
        variables.put(EmergencyReconnectionVariables.CUSTOMER_NO, customerNo);
        variables.put(EmergencyReconnectionVariables.EMERGENCY_REASON, reason);
        variables.put(EmergencyReconnectionVariables.EMERGENCY_DESCRIPTION, "客户争议 " + execution.getVariable(DISPUTE_ID)
                + (description == null || description.isBlank() ? "" : "：" + description.trim()));
        variables.put(EmergencyReconnectionVariables.REPORTER_NAME, "复电专席（客户争议）");
        String id = runtime.createProcessInstanceByKey(EmergencyReconnectionVariables.PROCESS_ID).businessKey(customerNo)
                .setVariables(variables).execute().getId();
        execution.setVariable(EMERGENCY_PROCESS_INSTANCE_ID, id);
    }
}
