package io.supplyguard.reconnection;

import static io.supplyguard.reconnection.EmergencyReconnectionVariables.*;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView.MeterView;
import io.supplyguard.meter.CommandResult;
import io.supplyguard.meter.MeterControl;
import io.supplyguard.meter.Requester;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Power guarantee (保电, DL/T 645 N1 = 3AH / 3BH) on the meter and in the registry. */
@Configuration(proxyBeanMethods = false)
class PowerGuaranteeDelegates {

    /**
     * On: the registry flag was set when the emergency was registered; the meter's own guarantee
     * is a second line. A meter that does not confirm is recorded ({@code meterGuaranteeSet = false})
     * and does not hold up the reconnection.
     */
    @Bean("powerGuaranteeOn")
    JavaDelegate powerGuaranteeOn(CustomerRegistry registry, MeterControl meters) {
        return execution -> {
            MeterView meter = registry.get((String) execution.getVariable(CUSTOMER_NO)).meter();
            CommandResult result = meters.powerGuaranteeOn(meter.target(), requester(execution));
            execution.setVariable(METER_GUARANTEE_SET, result.succeeded());
        };
    }

    /**
     * Off, after leader approval: the registry flag is cleared only when the meter confirmed, so
     * that arrears handling resumes only then; a meter that does not confirm is an incident.
     */
    @Bean("powerGuaranteeOff")
    JavaDelegate powerGuaranteeOff(CustomerRegistry registry, MeterControl meters, ReconnectionTimes times,
            ApplicationEventPublisher events) {
        return execution -> {
            String customerNo = (String) execution.getVariable(CUSTOMER_NO);
            MeterView meter = registry.get(customerNo).meter();
            CommandResult result = meters.powerGuaranteeOff(meter.target(), requester(execution));
            if (!result.succeeded()) {
                throw new IllegalStateException("power guarantee off not confirmed by meter " + meter.meterNo()
                        + ": " + result.outcome() + " " + result.reason());
            }
            registry.recordPowerGuarantee(meter.meterNo(), false);
            events.publishEvent(new PowerGuaranteeReleased(customerNo, meter.meterNo(), execution.getProcessInstanceId(), times.now()));
        };
    }

    private static Requester requester(DelegateExecution execution) {
        return Requester.process(execution.getProcessInstanceId(), execution.getCurrentActivityId());
    }
}
