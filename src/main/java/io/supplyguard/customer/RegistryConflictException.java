package io.supplyguard.customer;

/** The registration contradicts what the registry holds (e.g. a meter bound to someone else). */
public class RegistryConflictException extends RuntimeException {

    private final String field;

    public RegistryConflictException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
