package io.supplyguard.disconnection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Process end listener (also runs on cancellation): the customer may be disconnected again later. */
@Component("releaseCustomerClaim")
class ReleaseCustomerClaim implements ExecutionListener {

    private final ActiveDisconnections active;

    ReleaseCustomerClaim(ActiveDisconnections active) {
        this.active = active;
    }

    @Override
    public void notify(DelegateExecution execution) {
        active.release(execution.getProcessInstanceId());
    }
}
