package io.supplyguard.customer;

import io.supplyguard.customer.CustomerView.ContactView;
import io.supplyguard.infrastructure.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 营业厅: counter staff confirm or correct a customer's contact during any visit (REST and the
 * Tasklist start form 营业厅核对联系方式). A confirmation is a verification like the district
 * manager's — who (the authenticated user), when (server time), which number — and tells a
 * disconnection waiting for a verified contact that it may go on ({@link ContactVerified}).
 */
@Service
public class CounterContactChecks {

    /** What the counter found: the number (confirmed, or the correct one) and whose it is. */
    public record Check(String phone, String role, Boolean confirmed) {
    }

    /** The check refused: the fields named are missing or invalid. */
    public static class InvalidCheckException extends RuntimeException {
        private final transient List<FieldError> errors;

        InvalidCheckException(List<FieldError> errors) {
            super(errors.stream().map(FieldError::describe).reduce((a, b) -> a + "; " + b).orElse("invalid"));
            this.errors = errors;
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    private final CustomerRegistry registry;
    private final ApplicationEventPublisher events;

    CounterContactChecks(CustomerRegistry registry, ApplicationEventPublisher events) {
        this.registry = registry;
        this.events = events;
    }

    /**
     * @throws InvalidCheckException naming the fields
     * @throws CustomerNotFoundException when the customer is not registered
     */
    @Transactional
    public ContactView record(String customerNo, Check check, String checkedBy) {
        List<FieldError> errors = new ArrayList<>();
        if (check.phone() == null || !check.phone().trim().matches(RegistryFormats.PHONE)) {
            errors.add(new FieldError("phone", "Pattern", "a mainland mobile (1[3-9] + 9 digits) or a landline with area code"));
        }
        ContactRole role = null;
        try {
            role = check.role() == null ? null : ContactRole.valueOf(check.role());
        } catch (IllegalArgumentException e) {
            role = null;
        }
        if (role == null) {
            errors.add(new FieldError("role", "OneOf", "OWNER, TENANT or AGENT"));
        }
        if (check.confirmed() == null) {
            errors.add(new FieldError("confirmed", "NotNull", "true: the number reaches the customer; false: it does not"));
        }
        if (checkedBy == null || checkedBy.isBlank()) {
            errors.add(new FieldError("checkedBy", "NotBlank", "an authenticated member of counter-staff"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidCheckException(errors);
        }
        ContactView contact = registry.recordContactVerification(customerNo, check.phone().trim(), role, check.confirmed(),
                ContactCheckChannel.COUNTER, checkedBy);
        if (check.confirmed()) {
            events.publishEvent(new ContactVerified(customerNo, contact.phone(), checkedBy));
        }
        return contact;
    }
}
