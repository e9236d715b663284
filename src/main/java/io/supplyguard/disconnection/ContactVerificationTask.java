package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.CONTACT_CONFIRMED;
import static io.supplyguard.disconnection.DisconnectionVariables.CONTACT_PHONE;
import static io.supplyguard.disconnection.DisconnectionVariables.CONTACT_ROLE;
import static io.supplyguard.disconnection.DisconnectionVariables.CUSTOMER_NO;

import io.supplyguard.customer.ContactCheckChannel;
import io.supplyguard.customer.ContactRole;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.RegistryFormats;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of "核实联系方式": the district manager confirms the number (or enters the correct
 * one) and it is recorded in the registry as verified now; a number found wrong becomes INVALID.
 */
@Component("contactVerificationTask")
class ContactVerificationTask implements TaskListener {

    private final CustomerRegistry registry;
    private final IdentityService identity;

    ContactVerificationTask(CustomerRegistry registry, IdentityService identity) {
        this.registry = registry;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        String phone = FormValues.requiredText(task, CONTACT_PHONE);
        if (!phone.matches(RegistryFormats.PHONE)) {
            throw new FormInputException(CONTACT_PHONE, "must be a mainland mobile (1[3-9] + 9 digits) or a landline with area code");
        }
        ContactRole role;
        try {
            role = ContactRole.valueOf(FormValues.requiredText(task, CONTACT_ROLE));
        } catch (IllegalArgumentException e) {
            throw new FormInputException(CONTACT_ROLE, "must be OWNER, TENANT or AGENT");
        }
        boolean confirmed = FormValues.requiredBoolean(task, CONTACT_CONFIRMED);
        var user = identity.getCurrentAuthentication();
        registry.recordContactVerification((String) task.getVariable(CUSTOMER_NO), phone, role, confirmed,
                ContactCheckChannel.DISTRICT_MANAGER, user != null ? user.getUserId() : null);
    }
}
