package io.supplyguard.dispute;

import static io.supplyguard.dispute.DisputeVariables.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 通知欠费停电流程: a disconnection of the customer waiting for the dispute's resolution looks at
 * the records again now (the switching kernel decides from the dispute's record, never from this).
 */
@Component("wakeWaitingDisconnections")
class WakeWaitingDisconnections implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(WakeWaitingDisconnections.class);

    private final RuntimeService runtime;

    WakeWaitingDisconnections(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerNo = DisputeAuthority.text(execution, CUSTOMER_NO);
        int woken = runtime.createMessageCorrelation(MESSAGE_DISPUTE_RESOLVED).processInstanceBusinessKey(customerNo)
                .correlateAllWithResult().size();
        log.info("dispute {} resolved: {} waiting disconnection(s) of {} look again", execution.getVariable(DISPUTE_ID), woken,
                customerNo);
    }
}
