package io.supplyguard.switching;

import io.supplyguard.customer.ContactStatus;
import io.supplyguard.customer.CustomerView;
import io.supplyguard.customer.CustomerView.ContactView;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** P1: a contact counts when it is VALID and somebody verified it within the configured period. */
@Component
public class VerifiedContacts {

    private final DisconnectionProperties properties;
    private final Clock clock;

    VerifiedContacts(DisconnectionProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public Optional<ContactView> of(CustomerView customer) {
        OffsetDateTime oldestAccepted = OffsetDateTime.now(clock).minus(properties.contactValidity());
        return customer.contacts().stream()
                .filter(c -> c.status() == ContactStatus.VALID)
                .filter(c -> c.verifiedAt() != null && !c.verifiedAt().isBefore(oldestAccepted))
                .max(Comparator.comparing(ContactView::verifiedAt));
    }
}
