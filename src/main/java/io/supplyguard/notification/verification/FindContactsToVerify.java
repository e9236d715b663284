package io.supplyguard.notification.verification;

import static io.supplyguard.notification.verification.ContactVerificationVariables.DISTRICT_COUNT;
import static io.supplyguard.notification.verification.ContactVerificationVariables.STALE_BEFORE;

import io.supplyguard.customer.CustomerRegistry;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_FindContactsToVerify: fixes the staleness cut-off and counts the districts to visit. */
@Component("findContactsToVerify")
class FindContactsToVerify implements JavaDelegate {

    private final ContactVerificationCampaign campaign;
    private final CustomerRegistry registry;

    FindContactsToVerify(ContactVerificationCampaign campaign, CustomerRegistry registry) {
        this.campaign = campaign;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OffsetDateTime staleBefore = campaign.staleBefore();
        execution.setVariable(STALE_BEFORE, staleBefore.toString());
        execution.setVariable(DISTRICT_COUNT, registry.districtsWithContactsToVerify(staleBefore).size());
    }
}
