package io.supplyguard.disconnection;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Completion of approval tasks: the decision must be explicit, a rejection needs a reason, and
 * the approver is recorded. Used as {@code ${decisions.record(task, 'disconnectionApproved', ...)}}.
 */
@Component("decisions")
public class Decisions {

    private final IdentityService identity;

    Decisions(IdentityService identity) {
        this.identity = identity;
    }

    public void record(DelegateTask task, String decisionVariable, String reasonVariable, String deciderVariable) {
        boolean approved = FormValues.requiredBoolean(task, decisionVariable);
        if (!approved && FormValues.optionalText(task, reasonVariable).isEmpty()) {
            throw new FormInputException(reasonVariable, "is required when rejecting", "驳回须填写理由");
        }
        task.setVariable(decisionVariable, approved);
        task.setVariable(deciderVariable, decider(task));
    }

    private String decider(DelegateTask task) {
        var authentication = identity.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "unknown";
    }
}
