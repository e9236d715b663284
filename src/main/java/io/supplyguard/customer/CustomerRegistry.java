package io.supplyguard.customer;

import io.supplyguard.customer.CustomerView.ContactView;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer registry: customers, their contacts, meters and bindings. The module's API for
 * the REST layer and for the other modules.
 */
@Service
public class CustomerRegistry {

    private final CustomerRows customers;
    private final ContactRows contacts;
    private final MeterRows meters;
    private final AccountRows accounts;
    private final ContactCheckRows checks;
    private final Clock clock;

    CustomerRegistry(CustomerRows customers, ContactRows contacts, MeterRows meters, AccountRows accounts,
            ContactCheckRows checks, Clock clock) {
        this.checks = checks;
        this.customers = customers;
        this.contacts = contacts;
        this.meters = meters;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Creates or updates one customer. Contacts not in the registration are ended (kept as
     * history); a different meter ends the old binding and binds the new one.
     *
     * @throws RegistryConflictException when the meter is bound to another customer, or the
     *         opening account of an existing customer differs from its current account
     */
    @Transactional
    public RegistrationOutcome register(CustomerRegistration registration) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String customerNo = registration.customerNo();
        boolean exists = customers.lockExisting(customerNo);
        if (exists) {
            customers.update(registration, now);
        } else {
            customers.insert(registration, now);
        }
        if (registration.contacts() != null) {
            applyContacts(customerNo, registration.contacts(), now);
        }
        if (registration.meter() != null) {
            applyMeter(customerNo, registration.meter(), now);
        }
        applyAccount(customerNo, registration.account(), exists, now);
        return new RegistrationOutcome(customerNo, !exists);
    }

    private void applyContacts(String customerNo, List<CustomerRegistration.Contact> requested, OffsetDateTime now) {
        List<ContactView> current = contacts.current(customerNo);
        for (ContactView existing : current) {
            var match = requested.stream()
                    .filter(r -> r.phone().equals(existing.phone()) && r.role() == existing.role())
                    .findFirst();
            if (match.isEmpty()) {
                contacts.close(existing.id(), now);
            } else if (match.get().status() != existing.status()
                    || !java.util.Objects.equals(match.get().verifiedAt(), existing.verifiedAt())) {
                contacts.updateStatus(existing.id(), match.get().status(), match.get().verifiedAt(), match.get().source());
            }
        }
        for (var contact : requested) {
            boolean known = current.stream()
                    .anyMatch(c -> c.phone().equals(contact.phone()) && c.role() == contact.role());
            if (!known) {
                contacts.insert(customerNo, contact, now);
            }
        }
    }

    private void applyMeter(String customerNo, CustomerRegistration.Meter meter, OffsetDateTime now) {
        Optional<String> holder = meters.customerActivelyBoundTo(meter.meterNo());
        if (holder.isPresent() && !holder.get().equals(customerNo)) {
            throw new RegistryConflictException("meter.meterNo",
                    "meter " + meter.meterNo() + " is bound to customer " + holder.get() + "; end that binding first");
        }
        Optional<String> sameAddress = meters.meterAt(meter.busId(), meter.commAddress());
        if (sameAddress.isPresent() && !sameAddress.get().equals(meter.meterNo())) {
            throw new RegistryConflictException("meter.commAddress", "communication address " + meter.commAddress()
                    + " on bus " + meter.busId() + " is used by meter " + sameAddress.get());
        }
        meters.upsert(meter);
        if (meter.relayState() != null) {
            meters.recordRelayState(meter.meterNo(), meter.relayState(), now);
        }
        if (holder.isEmpty()) {
            meters.endActiveBinding(customerNo, now);
            meters.bind(customerNo, meter.meterNo(), now);
        }
    }

    private void applyAccount(String customerNo, CustomerRegistration.Account account, boolean exists, OffsetDateTime now) {
        if (!exists) {
            accounts.open(customerNo, account == null ? new CustomerRegistration.Account(null, null, null) : account, now);
            return;
        }
        if (account != null) {
            var current = accounts.find(customerNo).orElseThrow();
            if (!AccountRows.sameOpening(current, account)) {
                throw new RegistryConflictException("account",
                        "balances of an existing customer change only through payments and bills");
            }
        }
    }

    @Transactional(readOnly = true)
    public Optional<CustomerView> find(String customerNo) {
        return customers.find(customerNo).map(c -> new CustomerView(
                c.customerNo(), c.name(), c.address(), c.usageClass(), c.billingMode(), c.district(),
                c.agreementSignedOn(), c.importanceGrade(), c.safetySensitive(), c.safetyReason(),
                c.supervisingBody(),
                contacts.current(customerNo),
                contacts.ended(customerNo),
                meters.activeMeterView(customerNo).orElse(null),
                meters.bindings(customerNo),
                accounts.find(customerNo).orElse(null)));
    }

    /** The numbers of the customers registered in these transformer districts (none given: none). */
    @Transactional(readOnly = true)
    public List<String> customerNumbersIn(java.util.Collection<String> districts) {
        return districts.isEmpty() ? List.of() : customers.numbersIn(districts);
    }

    /** @throws CustomerNotFoundException when the customer is not registered */
    @Transactional(readOnly = true)
    public CustomerView get(String customerNo) {
        return find(customerNo).orElseThrow(() -> new CustomerNotFoundException(customerNo));
    }

    /** Records the relay state just confirmed by reading the meter. */
    @Transactional
    public void recordRelayState(String meterNo, RelayState state) {
        meters.recordRelayState(meterNo, state, OffsetDateTime.now(clock));
    }

    @Transactional
    public void recordPowerGuarantee(String meterNo, boolean on) {
        meters.recordPowerGuarantee(meterNo, on);
    }

    /** A delivery failed or a person reported the number wrong: it no longer counts as verified. */
    @Transactional
    public int markContactUnverified(String customerNo, String phone, String source) {
        return contacts.markUnverified(customerNo, phone, source);
    }

    /**
     * A person checked a contact (counter staff at a visit, the district manager's task): a confirmed
     * number becomes VALID and verified now, a number found wrong INVALID; a new number replaces the
     * current contact of the same role, which stays in the history. Who checked, when (server time)
     * and which number is kept in {@code contact_check}.
     *
     * @return the contact as it is now
     */
    @Transactional
    public ContactView recordContactVerification(String customerNo, String phone, ContactRole role, boolean valid,
            ContactCheckChannel channel, String checkedBy) {
        get(customerNo);
        OffsetDateTime now = OffsetDateTime.now(clock);
        ContactStatus status = valid ? ContactStatus.VALID : ContactStatus.INVALID;
        checks.insert(customerNo, phone, role, valid, channel, checkedBy, now);
        var existing = contacts.current(customerNo).stream().filter(c -> c.phone().equals(phone)).findFirst();
        if (existing.isPresent()) {
            contacts.updateStatus(existing.get().id(), status, now, channel.name());
        } else {
            if (valid) {
                contacts.current(customerNo).stream().filter(c -> c.role() == role).forEach(c -> contacts.close(c.id(), now));
            }
            contacts.insert(customerNo, new CustomerRegistration.Contact(phone, role, status, now, channel.name()), now);
        }
        return contacts.current(customerNo).stream().filter(c -> c.phone().equals(phone)).findFirst().orElseThrow();
    }

    /** Who checked the customer's contacts, oldest first. */
    @Transactional(readOnly = true)
    public List<RecordedContactCheck> contactChecks(String customerNo) {
        return checks.of(customerNo);
    }

    /**
     * The actively bound meters answering to a communication address (unique per bus only, so a
     * caller that knows the bus narrows by it).
     */
    @Transactional(readOnly = true)
    public List<BoundMeter> boundMetersAt(String commAddress) {
        return meters.boundAt(commAddress);
    }

    /**
     * Current contacts to verify: UNVERIFIED or INVALID, or VALID but not verified since
     * {@code verifiedBefore}; by district, then customer.
     */
    @Transactional(readOnly = true)
    public List<ContactToVerify> contactsToVerify(OffsetDateTime verifiedBefore) {
        return contacts.toVerify(verifiedBefore, null);
    }

    @Transactional(readOnly = true)
    public List<ContactToVerify> contactsToVerify(OffsetDateTime verifiedBefore, String district) {
        return contacts.toVerify(verifiedBefore, district);
    }

    /** Districts that have at least one contact to verify (see {@link #contactsToVerify(OffsetDateTime)}). */
    @Transactional(readOnly = true)
    public List<String> districtsWithContactsToVerify(OffsetDateTime verifiedBefore) {
        return contacts.districtsToVerify(verifiedBefore);
    }

    /**
     * Records what a district manager found: confirmed contacts become VALID and verified now, a
     * corrected number ends the old contact and adds the new one (same role) as VALID, an invalid
     * number is kept as INVALID so no notice counts on it.
     *
     * @throws RegistryConflictException when a named phone is not a current contact of the customer
     */
    @Transactional
    public void recordVerification(ContactVerification verification, String source) {
        String customerNo = verification.customerNo();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<ContactView> current = contacts.current(customerNo);
        for (String phone : verification.confirmedPhones()) {
            for (ContactView contact : currentWith(current, customerNo, phone)) {
                contacts.updateStatus(contact.id(), ContactStatus.VALID, now, source);
            }
        }
        for (ContactVerification.Correction correction : verification.corrections()) {
            for (ContactView contact : currentWith(current, customerNo, correction.oldPhone())) {
                contacts.close(contact.id(), now);
                contacts.insert(customerNo, new CustomerRegistration.Contact(correction.newPhone(), contact.role(),
                        ContactStatus.VALID, now, source), now);
            }
        }
        for (String phone : verification.invalidPhones()) {
            for (ContactView contact : currentWith(current, customerNo, phone)) {
                contacts.updateStatus(contact.id(), ContactStatus.INVALID, contact.verifiedAt(), source);
            }
        }
    }

    private static List<ContactView> currentWith(List<ContactView> current, String customerNo, String phone) {
        List<ContactView> matching = current.stream().filter(c -> c.phone().equals(phone)).toList();
        if (matching.isEmpty()) {
            throw new RegistryConflictException("phone", phone + " is not a current contact of customer " + customerNo);
        }
        return matching;
    }
}
