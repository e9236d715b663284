package io.supplyguard.customer;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.HashSet;
import java.util.Set;

class ConsistentRegistrationValidator implements ConstraintValidator<ConsistentRegistration, CustomerRegistration> {

    @Override
    public boolean isValid(CustomerRegistration registration, ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        if (registration.safetySensitive() && registration.safetyReason() == null) {
            valid = violation(context, "safetyReason", "is required when safetySensitive is true");
        }
        if (!registration.safetySensitive() && registration.safetyReason() != null) {
            valid = violation(context, "safetyReason", "must be empty when safetySensitive is false");
        }
        if (registration.importanceGrade().isImportant()
                && (registration.supervisingBody() == null || registration.supervisingBody().isBlank())) {
            valid = violation(context, "supervisingBody", "is required for an important customer");
        }
        if (registration.contacts() != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < registration.contacts().size(); i++) {
                var contact = registration.contacts().get(i);
                if (contact == null) {
                    continue;
                }
                if (!seen.add(contact.phone() + "/" + contact.role())) {
                    valid = violation(context, "contacts[" + i + "]", "duplicates another contact with the same phone and role");
                }
                if (contact.status() == ContactStatus.VALID && contact.verifiedAt() == null) {
                    valid = violation(context, "contacts[" + i + "].verifiedAt", "is required when status is VALID");
                }
            }
        }
        return valid;
    }

    private static boolean violation(ConstraintValidatorContext context, String field, String message) {
        context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
