package io.supplyguard.reconnection;

import static io.supplyguard.reconnection.PaymentReconnectionVariables.*;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Time to restore (payment or report → relay confirmed closed), as a variable and in table reconnection. */
@Component("recordRestoration")
class RecordRestorationDelegate implements JavaDelegate {

    private final ReconnectionRecords records;

    RecordRestorationDelegate(ReconnectionRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date restoredAt = (Date) execution.getVariable(RESTORED_AT);
        long seconds = records.recordRestored(execution.getProcessInstanceId(),
                OffsetDateTime.ofInstant(restoredAt.toInstant(), ZoneOffset.UTC), (String) execution.getVariable(RESTORED_BY));
        execution.setVariable(SECONDS_TO_RESTORE, seconds);
    }
}
