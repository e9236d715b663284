package io.supplyguard.disconnection;

import static io.supplyguard.disconnection.DisconnectionVariables.CONTACT_PHONE;
import static io.supplyguard.disconnection.DisconnectionVariables.CONTACT_ROLE;
import static io.supplyguard.disconnection.DisconnectionVariables.CONTACT_VERIFIED;
import static io.supplyguard.disconnection.DisconnectionVariables.CUSTOMER_NO;

import io.supplyguard.customer.ContactRule;
import io.supplyguard.customer.CustomerRegistry;
import io.supplyguard.customer.CustomerView.ContactView;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * P1: a reminder or notice only counts when it reaches a number somebody verified recently.
 * Sets {@code contactVerified} and the contact {@link ContactRule} chooses — the one every SMS of
 * the disconnection goes to; the model sends the district manager to verify otherwise.
 */
@Component("checkContact")
class ContactCheck implements JavaDelegate {

    private final CustomerRegistry registry;
    private final ContactRule contacts;

    ContactCheck(CustomerRegistry registry, ContactRule contacts) {
        this.registry = registry;
        this.contacts = contacts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<ContactView> contact = verifiedContact((String) execution.getVariable(CUSTOMER_NO));
        execution.setVariable(CONTACT_VERIFIED, contact.isPresent());
        contact.ifPresent(c -> {
            execution.setVariable(CONTACT_PHONE, c.phone());
            execution.setVariable(CONTACT_ROLE, c.role().name());
        });
    }

    Optional<ContactView> verifiedContact(String customerNo) {
        return contacts.of(registry.get(customerNo));
    }
}
