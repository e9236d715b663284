package io.supplyguard.reconnection;

import static io.supplyguard.reconnection.PaymentReconnectionVariables.*;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView.MeterView;
import io.supplyguard.customer.RelayState;
import io.supplyguard.meter.CommandResult;
import io.supplyguard.meter.MeterControl;
import io.supplyguard.meter.Requester;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The crew reports the supply restored: read the relay back where the bus answers. A meter that
 * still reads open sends the order back; a meter the bus cannot reach (often why the crew went)
 * is taken on the crew's word.
 */
@Component("verifyFieldRestore")
class VerifyFieldRestoreDelegate implements JavaDelegate {

    private final CustomerRegistry registry;
    private final MeterControl meters;
    private final ReconnectionTimes times;

    VerifyFieldRestoreDelegate(CustomerRegistry registry, MeterControl meters, ReconnectionTimes times) {
        this.registry = registry;
        this.meters = meters;
        this.times = times;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MeterView meter = registry.get((String) execution.getVariable(CUSTOMER_NO)).meter();
        boolean confirmed = true;
        if (meter != null) {
            CommandResult read = meters.readRelayStatus(meter.target(),
                    Requester.process(execution.getProcessInstanceId(), execution.getCurrentActivityId()));
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
}
