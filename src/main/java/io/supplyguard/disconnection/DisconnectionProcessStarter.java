package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.CUSTOMER_NO;
import static io.supplyguard.disconnection.DisconnectionVariables.PROCESS_KEY;
import static io.supplyguard.disconnection.DisconnectionVariables.TRIGGER;

import io.supplyguard.account.DisconnectionStarter;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** Starts {@code arrears-disconnection} for the arrears evaluation; one per customer at most. */
@Service
class DisconnectionProcessStarter implements DisconnectionStarter {

    private final RuntimeService runtime;
    private final ActiveDisconnections active;

    DisconnectionProcessStarter(RuntimeService runtime, ActiveDisconnections active) {
        this.runtime = runtime;
        this.active = active;
    }

    @Override
    public boolean startFor(String customerNo, String trigger) {
        if (isRunningFor(customerNo)) {
            return false;
        }
        try {
            runtime.startProcessInstanceByKey(PROCESS_KEY, customerNo, Map.of(CUSTOMER_NO, customerNo, TRIGGER, trigger));
            return true;
        } catch (DisconnectionAlreadyRunningException lostRace) {
            return false;
        }
    }

    @Override
    public boolean isRunningFor(String customerNo) {
        return active.holder(customerNo).isPresent();
    }

    @Override
    public Set<String> runningAmong(Collection<String> customerNos) {
        return active.heldAmong(customerNos);
    }
}
