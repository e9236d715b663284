package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.OUTCOME;
import static io.supplyguard.disconnection.DisconnectionVariables.OUTCOME_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End-event listener of the disconnection models: every instance ends with a recorded outcome
 * (P10), recorded once; the main flow's outcome ends are terminate end events, so nothing of the
 * instance (a pending termination approval, a contact check after a bounced SMS) outlives it.
 * The outcome is also written to {@code disconnection_outcome} for the KPIs. E.g. {@code ${outcomes.record(execution, 'PAID_BEFORE_CUT', 'verificationDetail')}}.
 */
@Component("outcomes")
public class Outcomes {

    private final DisconnectionOutcomeCounts records;

    Outcomes(DisconnectionOutcomeCounts records) {
        this.records = records;
    }

    public void record(DelegateExecution execution, String outcome, String reasonVariable) {
        if (execution.getProcessInstance().getVariable(OUTCOME) != null) {
            return; // the first outcome stands: no later event rewrites it (issue 14 item 8)
        }
        execution.getProcessInstance().setVariable(OUTCOME, outcome);
        Object reason = reasonVariable != null ? execution.getVariable(reasonVariable) : null;
        execution.getProcessInstance().setVariable(OUTCOME_REASON, reason != null ? reason.toString() : "");
        // the KPIs count our own record, written in the transaction that ends the instance
        records.record(execution.getProcessInstanceId(), execution.getProcessInstance().getProcessBusinessKey(), outcome);
    }
}
