package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.*;

import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.RelayState;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The supply is off (remote trip confirmed, or the field crew cut on site): the registry records
 * the relay OPEN and {@link SupplyDisconnected} tells reconnection, which restores supply at once
 * if the customer paid while the trip was in flight.
 */
@Component("recordSupplyCut")
class SupplyCutRecorder implements JavaDelegate {

    private final CustomerRegistry registry;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SupplyCutRecorder(CustomerRegistry registry, ApplicationEventPublisher events, Clock clock) {
        this.registry = registry;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String meterNo = (String) execution.getVariable(METER_NO);
        OffsetDateTime now = OffsetDateTime.now(clock);
        registry.recordRelayState(meterNo, RelayState.OPEN);
        execution.setVariable(SUPPLY_CUT, true);
        execution.setVariable(SUPPLY_CUT_AT, now.toString());
        events.publishEvent(new SupplyDisconnected((String) execution.getVariable(CUSTOMER_NO), meterNo,
                execution.getProcessInstanceId(), now));
    }
}
