package io.supplyguard.reconnection;

import static io.supplyguard.reconnection.PaymentReconnectionVariables.*;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView.MeterView;
import io.supplyguard.customer.RelayState;
import io.supplyguard.meter.CommandResult;
import io.supplyguard.switching.SwitchingKernel;
import io.supplyguard.switching.SwitchingOutcome;
import io.supplyguard.switching.SwitchingRequest;
import io.supplyguard.switching.SwitchingStep;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The crew reports the supply restored: read the relay back where the bus answers (through the
 * kernel's queue, on whichever node owns the bus; no engine thread waits). A meter that still
 * reads open sends the order back; a meter the bus cannot reach (often why the crew went) is
 * taken on the crew's word, as is a customer without a bound meter.
 */
@Component("verifyFieldRestore")
class VerifyFieldRestoreDelegate extends SwitchingStep {

    private final CustomerRegistry registry;
    private final ReconnectionTimes times;

    VerifyFieldRestoreDelegate(CustomerRegistry registry, ReconnectionTimes times, SwitchingKernel kernel) {
        super(kernel);
        this.registry = registry;
        this.times = times;
    }

    @Override
    protected SwitchingRequest request(DelegateExecution execution) {
        return meter(execution) == null ? null : SwitchingRequest.statusRead(execution);
    }

    @Override
    protected void onResult(DelegateExecution execution, SwitchingOutcome outcome) {
        boolean confirmed = true;
        MeterView meter = meter(execution);
        if (outcome != null && meter != null) {
            CommandResult read = outcome.asResult();
            if (read.succeeded() && read.status() != null && read.status().relayOpen()) {
                confirmed = false;
                execution.setVariable(FIELD_ORDER_REASON, "现场回单为已复电，但读表继电器仍为断开，请重新处理");
            } else {
                registry.recordRelayState(meter.meterNo(), RelayState.CLOSED);
            }
        }
        execution.setVariable(FIELD_RESTORE_CONFIRMED, confirmed);
        if (confirmed) {
            execution.setVariable(RESTORED_AT, Date.from(times.now().toInstant()));
            execution.setVariable(RESTORED_BY, "FIELD");
        }
    }

    private MeterView meter(DelegateExecution execution) {
        return registry.get((String) execution.getVariable(CUSTOMER_NO)).meter();
    }
}
