package io.supplyguard.reconnection;

import static io.supplyguard.reconnection.EmergencyReconnectionVariables.*;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView.MeterView;
import io.supplyguard.meter.CommandResult;
import io.supplyguard.meter.ControlCommand;
import io.supplyguard.switching.SwitchingKernel;
import io.supplyguard.switching.SwitchingOutcome;
import io.supplyguard.switching.SwitchingRequest;
import io.supplyguard.switching.SwitchingStep;
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
    SwitchingStep powerGuaranteeOn(SwitchingKernel kernel) {
        return new SwitchingStep(kernel) {
            @Override
            protected SwitchingRequest request(DelegateExecution execution) {
                return SwitchingRequest.of(execution, ControlCommand.POWER_GUARANTEE_ON);
            }

            @Override
            protected void onResult(DelegateExecution execution, SwitchingOutcome outcome) {
                execution.setVariable(METER_GUARANTEE_SET, outcome.asResult().succeeded());
            }
        };
    }

    /** Longer than any command takes on a bus (confirmation timeout and retries included). */
    private static final java.time.Duration GUARANTEE_OFF_PATIENCE = java.time.Duration.ofMinutes(2);

    /**
     * Off, after leader approval: the registry flag is cleared only when the meter confirmed, so
     * that arrears handling resumes only then; a meter that does not confirm is an incident.
     * The command runs through the bus owner's queue; this rare step's job waits for it
     * ({@link SwitchingKernel#executeAndAwait}).
     */
    @Bean("powerGuaranteeOff")
    JavaDelegate powerGuaranteeOff(CustomerRegistry registry, SwitchingKernel kernel, ReconnectionTimes times,
            ApplicationEventPublisher events) {
        return execution -> {
            String customerNo = (String) execution.getVariable(CUSTOMER_NO);
            MeterView meter = registry.get(customerNo).meter();
            CommandResult result = kernel.executeAndAwait(SwitchingRequest.of(execution, ControlCommand.POWER_GUARANTEE_OFF),
                    GUARANTEE_OFF_PATIENCE).asResult();
            if (!result.succeeded()) {
                throw new IllegalStateException("power guarantee off not confirmed by meter " + meter.meterNo()
                        + ": " + result.outcome() + " " + result.reason());
            }
            registry.recordPowerGuarantee(meter.meterNo(), false);
            events.publishEvent(new PowerGuaranteeReleased(customerNo, meter.meterNo(), execution.getProcessInstanceId(), times.now()));
        };
    }

}
