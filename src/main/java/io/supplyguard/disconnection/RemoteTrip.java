package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView;
import io.supplyguard.meter.CommandResult;
import io.supplyguard.meter.MeterControl;
import io.supplyguard.meter.Requester;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The remote trip (control 1CH, N1=1AH), confirmed by the driver's read-back. The outcome goes to
 * {@code tripOutcome}; the model decides what a non-success means (field follow-up cut). Safe to
 * repeat: the driver answers ALREADY_IN_STATE when a retried job finds the relay already open.
 */
@Component("tripMeter")
class RemoteTrip implements JavaDelegate {

    private final CustomerRegistry registry;
    private final MeterControl meters;

    RemoteTrip(CustomerRegistry registry, MeterControl meters) {
        this.registry = registry;
        this.meters = meters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CustomerView customer = registry.get((String) execution.getVariable(CUSTOMER_NO));
        CommandResult result = meters.trip(customer.meter().target(),
                Requester.process(execution.getProcessInstanceId(), execution.getCurrentActivityId()));
        execution.setVariable(TRIP_OUTCOME, result.outcome().name());
        execution.setVariable(TRIP_REASON, result.reason() != null ? result.reason() : "");
        if (result.auditId() != null) {
            execution.setVariable(TRIP_AUDIT_ID, result.auditId());
        }
        if (!result.succeeded()) {
            execution.setVariable(FIELD_ORDER_REASON, "远程停电未成功: " + result.outcome()
                    + (result.reason() != null ? " (" + result.reason() + ")" : ""));
        }
    }
}
