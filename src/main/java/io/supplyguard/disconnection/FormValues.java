package io.supplyguard.disconnection;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads what people entered in Camunda Forms. form-js datetime fields send ISO text with or
 * without an offset depending on the form's settings; without one, the business zone applies.
 */
final class FormValues {

    private FormValues() {
    }

    static String requiredText(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw new FormInputException(name, "is required", "请填写必填项");
        }
        return value.toString().trim();
    }

    static String optionalText(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? "" : value.toString().trim();
    }

    static boolean requiredBoolean(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value != null && ("true".equals(value.toString()) || "false".equals(value.toString()))) {
            return Boolean.parseBoolean(value.toString());
        }
        throw new FormInputException(name, "must be chosen (true or false)", "请选择审批决定");
    }

    static OffsetDateTime requiredDateTime(VariableScope scope, String name, ZoneId zone) {
        Object value = scope.getVariable(name);
        if (value instanceof Date date) {
            return date.toInstant().atZone(zone).toOffsetDateTime();
        }
        String text = requiredText(scope, name);
        try {
            // shown to staff and auditors in the business zone, whatever offset the browser sent
            return OffsetDateTime.parse(text).atZoneSameInstant(zone).toOffsetDateTime();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime();
                } catch (DateTimeParseException notDate) {
                    throw new FormInputException(name, "must be a date and time like 2026-11-28T10:00", "请填写正确的日期和时间");
                }
            }
        }
    }

    /** A whole number the process set (e.g. from the decision table); a form may have sent it back as text. */
    static int requiredInt(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return new java.math.BigDecimal(requiredText(scope, name)).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new FormInputException(name, "must be a whole number", "表单填写有误");
        }
    }

    static LocalDate requiredDate(VariableScope scope, String name, ZoneId zone) {
        return requiredDateTime(scope, name, zone).atZoneSameInstant(zone).toLocalDate();
    }
}
