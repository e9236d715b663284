package io.supplyguard.notification.verification;

import io.supplyguard.customer.ContactVerification;
import io.supplyguard.customer.CustomerRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordVerification: writes the district manager's findings into the registry. */
@Component("recordContactVerification")
class RecordContactVerification implements JavaDelegate {

    static final String SOURCE = "CONTACT_VERIFICATION";

    private final CustomerRegistry registry;

    RecordContactVerification(CustomerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        VerificationInput.Result result = DistrictAnswer.of(execution).parse(registry);
        if (!result.errors().isEmpty()) {
            // the registry changed since the task was completed: retry, then an incident to look at
            throw new IllegalStateException(String.join("; ", result.errors()));
        }
        for (ContactVerification verification : result.verifications()) {
            registry.recordVerification(verification, SOURCE);
        }
        execution.setVariableLocal(ContactVerificationVariables.RECORDED_CUSTOMERS, result.verifications().size());
    }
}
