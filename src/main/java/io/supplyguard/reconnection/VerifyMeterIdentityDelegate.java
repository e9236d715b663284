package io.supplyguard.reconnection;

import static io.supplyguard.reconnection.PaymentReconnectionVariables.*;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView;
import io.supplyguard.meter.CommandResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * No wrong reconnection (P4), first half: the customer has an active binding in the registry.
 * The second half — the meter at the bound address reports the bound meter number — is the first
 * frame of the close itself ({@link RemoteCloseDelegate}), read immediately before the control
 * frame instead of once more here (issue 16: a reconnection costs three bus transactions).
 * Writes {@code meterCheck} BOUND or NO_BINDING (then the reason for the field order).
 */
@Component("verifyMeterIdentity")
class VerifyMeterIdentityDelegate implements JavaDelegate {

    static final String BOUND = "BOUND";

    private final CustomerRegistry registry;

    VerifyMeterIdentityDelegate(CustomerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CustomerView customer = registry.get((String) execution.getVariable(CUSTOMER_NO));
        if (customer.meter() == null) {
            execution.setVariable(METER_CHECK, "NO_BINDING");
            execution.setVariable(FIELD_ORDER_REASON, "档案中无有效户表绑定，需现场核实表计");
            return;
        }
        execution.setVariable(METER_NO, customer.meter().meterNo());
        execution.setVariable(CLOSE_MODE, customer.meter().closeMode().name());
        execution.setVariable(METER_CHECK, BOUND);
    }

    static String describe(CommandResult result) {
        return result.reason() == null ? "" : "：" + result.reason();
    }
}
