package io.supplyguard.disconnection;

import io.supplyguard.switching.FactKind;
import io.supplyguard.switching.SwitchingFacts;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Completion of approval tasks: the decision must be explicit, a rejection needs a reason, and
 * the approver is recorded — as a switching fact with the engine's authenticated user, which is
 * what the kernel checks (the {@code ...DecidedBy} variable is for the forms). Used as {@code ${decisions.record(task, 'disconnectionApproved', ...)}}.
 */
@Component("decisions")
public class Decisions {

    private final IdentityService identity;
    private final SwitchingFacts facts;

    Decisions(IdentityService identity, SwitchingFacts facts) {
        this.identity = identity;
        this.facts = facts;
    }

    public void record(DelegateTask task, String decisionVariable, String reasonVariable, String deciderVariable) {
        boolean approved = FormValues.requiredBoolean(task, decisionVariable);
        if (!approved && FormValues.optionalText(task, reasonVariable).isEmpty()) {
            throw new FormInputException(reasonVariable, "is required when rejecting", "驳回须填写理由");
        }
        task.setVariable(decisionVariable, approved);
        task.setVariable(deciderVariable, decider(task));
        facts.decided(task, kind(decisionVariable, approved), FormValues.optionalText(task, reasonVariable));
    }

    private static FactKind kind(String decisionVariable, boolean approved) {
        if (decisionVariable.startsWith("termination")) {
            return approved ? FactKind.TERMINATION_APPROVED : FactKind.TERMINATION_REJECTED;
        }
        return approved ? FactKind.DISCONNECTION_APPROVED : FactKind.DISCONNECTION_REJECTED;
    }

    private String decider(DelegateTask task) {
        var authentication = identity.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "unknown";
    }
}
