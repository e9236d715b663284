package io.supplyguard.infrastructure.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Turns validation and JSON binding failures into {@link FieldError}s that name the field. */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static List<FieldError> of(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), ruleOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
    }

    private static String ruleOf(ConstraintViolation<?> violation) {
        String rule = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return "ConsistentRegistration".equals(rule) ? "Consistency" : rule;
    }

    /** A JSON body that could not be bound: names the field by its JSON path. */
    public static FieldError of(JsonMappingException e) {
        String field = pathOf(e);
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return new FieldError(field, "Enum", "must be one of "
                    + Arrays.toString(invalid.getTargetType().getEnumConstants()) + ", was '" + invalid.getValue() + "'");
        }
        if (e instanceof InvalidFormatException invalid) {
            return new FieldError(field, "Format", "has an invalid value '" + invalid.getValue() + "' for type "
                    + invalid.getTargetType().getSimpleName());
        }
        if (e instanceof UnrecognizedPropertyException) {
            return new FieldError(field, "Unknown", "is not a known field");
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return new FieldError(field, "Type", "must be of type " + mismatched.getTargetType().getSimpleName());
        }
        return new FieldError(field, "Syntax", "cannot be read: " + e.getOriginalMessage());
    }

    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
