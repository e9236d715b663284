package io.supplyguard.infrastructure.web;

/** One broken rule: the JSON path of the field, the rule's name and a readable message. */
public record FieldError(String field, String rule, String message) {

    public String describe() {
        return field + " " + message;
    }
}
