package io.supplyguard.reconnection;

import static io.supplyguard.reconnection.PaymentReconnectionVariables.*;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView;
import io.supplyguard.meter.CommandResult;
import io.supplyguard.meter.MeterControl;
import io.supplyguard.meter.Requester;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * No wrong reconnection (P4): the customer has an active binding and the meter at the bound
 * address reports the bound meter number. Writes {@code meterCheck} (MATCH, MISMATCH, NO_BINDING,
 * UNREADABLE) and, when not MATCH, the reason for the field order.
 */
@Component("verifyMeterIdentity")
class VerifyMeterIdentityDelegate implements JavaDelegate {

    private final CustomerRegistry registry;
    private final MeterControl meters;

    VerifyMeterIdentityDelegate(CustomerRegistry registry, MeterControl meters) {
        this.registry = registry;
        this.meters = meters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CustomerView customer = registry.get((String) execution.getVariable(CUSTOMER_NO));
        if (customer.meter() == null) {
            execution.setVariable(METER_CHECK, "NO_BINDING");
            execution.setVariable(FIELD_ORDER_REASON, "档案中无有效户表绑定，需现场核实表计");
            return;
        }
        String meterNo = customer.meter().meterNo();
        execution.setVariable(METER_NO, meterNo);
        execution.setVariable(CLOSE_MODE, customer.meter().closeMode().name());
        CommandResult read = meters.readMeterNumber(customer.meter().target(),
                Requester.process(execution.getProcessInstanceId(), execution.getCurrentActivityId()));
        if (read.succeeded() && meterNo.equals(read.meterNo())) {
            execution.setVariable(METER_CHECK, "MATCH");
        } else if (read.succeeded() || read.outcome() == io.supplyguard.meter.CommandOutcome.WRONG_METER) {
            execution.setVariable(METER_CHECK, "MISMATCH");
            execution.setVariable(FIELD_ORDER_REASON,
                    "表号不符：表计返回 " + read.meterNo() + "，档案为 " + meterNo + "，禁止远程合闸");
        } else {
            execution.setVariable(METER_CHECK, "UNREADABLE");
            execution.setVariable(FIELD_ORDER_REASON, "读取表号失败（" + read.outcome() + describe(read) + "），无法远程复电");
        }
    }

    static String describe(CommandResult result) {
        return result.reason() == null ? "" : "：" + result.reason();
    }
}
