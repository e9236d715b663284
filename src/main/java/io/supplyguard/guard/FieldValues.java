package io.supplyguard.guard;

import io.supplyguard.guard.FormFields.FormField;
import java.math.BigDecimal;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a form field may carry, by its form-js component type, as Tasklist and the REST API send it:
 * text for text fields, text areas and date-times (or a date from the Java API), a number for number
 * fields, one of the declared choices for radios and selects (a choice "true"/"false" may come as a
 * boolean), a boolean for a checkbox. An empty field ({@code null}) is always well typed: whether it is
 * required is the process's decision.
 */
final class FieldValues {

    private FieldValues() {
    }

    /** Why the value does not fit the field, in the words Tasklist shows; empty when it fits. */
    static Optional<String> mismatch(FormField field, Object submitted) {
        if (isOpaque(submitted)) {
            return Optional.of("只能是简单值（文本、数字、是/否）");
        }
        Object value = plain(submitted);
        if (value == null) {
            return Optional.empty();
        }
        boolean fits = switch (field.type()) {
            case "textfield", "textarea" -> value instanceof String;
            case "datetime" -> value instanceof String || value instanceof Date;
            case "number" -> value instanceof Number;
            case "checkbox" -> value instanceof Boolean;
            case "radio", "select" -> (value instanceof String || value instanceof Boolean)
                    && (field.values().isEmpty() || field.values().contains(value.toString()));
            default -> false;
        };
        if (fits) {
            return Optional.empty();
        }
        return Optional.of(switch (field.type()) {
            case "number" -> "应为数字";
            case "checkbox" -> "应为是或否";
            case "radio", "select" -> "应为以下选项之一：" + String.join("、", field.values());
            default -> "应为文本";
        });
    }

    /** A read-only field may come back only as it was shown (a date is shown as text: left as it is). */
    static boolean changed(Object current, Object submitted) {
        if (isOpaque(submitted)) {
            return true;
        }
        Object value = plain(submitted);
        if (current instanceof Date && value instanceof String) {
            return false;
        }
        if (blank(current) && blank(value)) {
            return false;
        }
        if (current instanceof Number || value instanceof Number) {
            try {
                return new BigDecimal(String.valueOf(current)).compareTo(new BigDecimal(String.valueOf(value))) != 0;
            } catch (NumberFormatException notBothNumbers) {
                return true;
            }
        }
        return !Objects.equals(String.valueOf(current), String.valueOf(value));
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isEmpty();
    }

    private static boolean isOpaque(Object submitted) {
        // objects, JSON and files: no SupplyGuard form has such a field
        return submitted instanceof FileValue || submitted instanceof SerializableValue;
    }

    private static Object plain(Object submitted) {
        return submitted instanceof TypedValue typed ? typed.getValue() : submitted;
    }
}
