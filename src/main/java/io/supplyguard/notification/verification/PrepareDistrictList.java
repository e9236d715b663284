package io.supplyguard.notification.verification;

import static io.supplyguard.notification.verification.ContactVerificationVariables.CANDIDATE_COUNT;
import static io.supplyguard.notification.verification.ContactVerificationVariables.CANDIDATE_LIST;
import static io.supplyguard.notification.verification.ContactVerificationVariables.CONFIRMED;
import static io.supplyguard.notification.verification.ContactVerificationVariables.CORRECTIONS;
import static io.supplyguard.notification.verification.ContactVerificationVariables.DISTRICT;
import static io.supplyguard.notification.verification.ContactVerificationVariables.INVALID;
import static io.supplyguard.notification.verification.ContactVerificationVariables.REMARK;
import static io.supplyguard.notification.verification.ContactVerificationVariables.STALE_BEFORE;

import io.supplyguard.customer.ContactToVerify;
import io.supplyguard.customer.CustomerRegistry;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of one district's sub-process: lists the district's contacts to verify as text for the
 * form, and declares the answer fields locally so that parallel districts do not share them.
 */
@Component("prepareDistrictList")
class PrepareDistrictList implements ExecutionListener {

    private final CustomerRegistry registry;

    PrepareDistrictList(CustomerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String district = (String) execution.getVariable(DISTRICT);
        OffsetDateTime staleBefore = OffsetDateTime.parse((String) execution.getVariable(STALE_BEFORE));
        List<ContactToVerify> contacts = registry.contactsToVerify(staleBefore, district);
        execution.setVariableLocal(CANDIDATE_LIST, CandidateListText.of(contacts));
        execution.setVariableLocal(CANDIDATE_COUNT, (int) contacts.stream().map(ContactToVerify::customerNo).distinct().count());
        for (String answer : List.of(CONFIRMED, CORRECTIONS, INVALID, REMARK)) {
            execution.setVariableLocal(answer, "");
        }
    }
}
