package io.supplyguard.reconnection;

import static io.supplyguard.reconnection.EmergencyReconnectionVariables.*;

import io.supplyguard.customer.CustomerNotFoundException;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Registers the report (runs in the start transaction, so a wrong customer number or a second
 * emergency for the same customer is refused to the reporter at once): business key = customer
 * number, meter and district, and the power guarantee recorded in the registry before anything
 * else, so that no disconnection process starts for the customer from now on.
 */
@Component("registerEmergency")
class RegisterEmergencyDelegate implements JavaDelegate {

    private final CustomerRegistry registry;
    private final ReconnectionRecords records;
    private final ReconnectionTimes times;

    RegisterEmergencyDelegate(CustomerRegistry registry, ReconnectionRecords records, ReconnectionTimes times) {
        this.registry = registry;
        this.records = records;
        this.times = times;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerNo = (String) execution.getVariable(CUSTOMER_NO);
        CustomerView customer;
        try {
            customer = customerNo == null ? null : registry.get(customerNo);
        } catch (CustomerNotFoundException e) {
            customer = null;
        }
        if (customer == null) {
            throw new ProcessEngineException("客户编号 " + customerNo + " 不存在");
        }
        if (customer.meter() == null) {
            throw new ProcessEngineException("客户 " + customerNo + " 无有效户表绑定，请联系现场处理");
        }
        if (!records.lockCustomer(customerNo) || records.activeProcessOf(ReconnectionRecords.EMERGENCY, customerNo).isPresent()) {
            throw new ProcessEngineException("客户 " + customerNo + " 已有应急复电在办");
        }
        OffsetDateTime now = times.now();
        execution.setProcessBusinessKey(customerNo);
        execution.setVariable(METER_NO, customer.meter().meterNo());
        execution.setVariable(DISTRICT, customer.district());
        execution.setVariable(CLOSE_MODE, customer.meter().closeMode().name());
        execution.setVariable(FORCE_DIRECT_CLOSE, true);
        execution.setVariable(REPORTED_AT, Date.from(now.toInstant()));
        registry.recordPowerGuarantee(customer.meter().meterNo(), true);
        records.open(ReconnectionRecords.EMERGENCY, "EMERGENCY", execution.getProcessInstanceId(), customerNo,
                customer.meter().meterNo(), null, now, now, null);
    }
}
