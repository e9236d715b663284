package io.supplyguard.notification;

import io.supplyguard.customer.ContactRole;
import io.supplyguard.customer.ContactStatus;
import io.supplyguard.customer.CustomerView.ContactView;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which contact an SMS goes to: only a current VALID one; the occupant (tenant) before the owner
 * before an agent, because the occupant is who pays for and loses the power; then the most
 * recently verified.
 */
final class ContactChoice {

    private static final List<ContactRole> PREFERENCE = List.of(ContactRole.TENANT, ContactRole.OWNER, ContactRole.AGENT);

    private ContactChoice() {
    }

    static Optional<ContactView> of(List<ContactView> current) {
        return current.stream()
                .filter(c -> c.status() == ContactStatus.VALID && c.validTo() == null)
                .min(Comparator.<ContactView>comparingInt(c -> PREFERENCE.indexOf(c.role()))
                        .thenComparing(ContactView::verifiedAt, Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder())));
    }
}
