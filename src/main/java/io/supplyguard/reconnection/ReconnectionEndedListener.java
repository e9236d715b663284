package io.supplyguard.reconnection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Process end (completed, terminated or deleted): the customer may get a new reconnection. */
@Component("reconnectionEnded")
class ReconnectionEndedListener implements ExecutionListener {

    private final ReconnectionRecords records;
    private final ReconnectionTimes times;

    ReconnectionEndedListener(ReconnectionRecords records, ReconnectionTimes times) {
        this.records = records;
        this.times = times;
    }

    @Override
    public void notify(DelegateExecution execution) {
        records.ended(execution.getProcessInstanceId(), times.now());
    }
}
