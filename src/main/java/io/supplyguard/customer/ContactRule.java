package io.supplyguard.customer;

import io.supplyguard.customer.CustomerView.ContactView;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one rule that chooses "the customer's contact" (P1), for every check and every message: the
 * gate before a reminder, the switching kernel before a trip, and each SMS (reminder, notice,
 * warning, order, disconnected, reconnected, balance warning) — so a message goes to the number the
 * gate accepted. A contact counts when it is current, VALID and verified within
 * {@code supplyguard.disconnection.contact-validity}; among those the occupant (tenant) before the
 * owner before an agent, because the occupant pays for and loses the power; then the most recently verified.
 */
@Component
public class ContactRule {

    private static final List<ContactRole> PREFERENCE = List.of(ContactRole.TENANT, ContactRole.OWNER, ContactRole.AGENT);

    private final Duration validity;
    private final Clock clock;

    ContactRule(@Value("${supplyguard.disconnection.contact-validity:P180D}") Duration validity, Clock clock) {
        this.validity = validity;
        this.clock = clock;
    }

    /** The contact to check against and to send to; empty when none counts (a person must verify one). */
    public Optional<ContactView> of(CustomerView customer) {
        OffsetDateTime oldestAccepted = OffsetDateTime.now(clock).minus(validity);
        return customer.contacts().stream()
                .filter(c -> c.validTo() == null && c.status() == ContactStatus.VALID)
                .filter(c -> c.verifiedAt() != null && !c.verifiedAt().isBefore(oldestAccepted))
                .min(Comparator.<ContactView>comparingInt(c -> PREFERENCE.indexOf(c.role()))
                        .thenComparing(ContactView::verifiedAt, Comparator.reverseOrder()));
    }
}
