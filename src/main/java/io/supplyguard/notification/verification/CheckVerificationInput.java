package io.supplyguard.notification.verification;

import io.supplyguard.customer.CustomerRegistry;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of Task_VerifyContacts: refuses an answer that cannot be recorded, so the district
 * manager sees the problem in Tasklist instead of an incident appearing later.
 */
@Component("checkVerificationInput")
class CheckVerificationInput implements TaskListener {

    private final CustomerRegistry registry;

    CheckVerificationInput(CustomerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void notify(DelegateTask task) {
        VerificationInput.Result result = DistrictAnswer.of(task).parse(registry);
        if (!result.errors().isEmpty()) {
            throw new ProcessEngineException("核实结果无法登记：" + String.join("；", result.errors()));
        }
    }
}
