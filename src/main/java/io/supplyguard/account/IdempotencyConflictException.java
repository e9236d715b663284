package io.supplyguard.account;

/** An id that was booked before arrived again with a different body (HTTP 409). */
public class IdempotencyConflictException extends RuntimeException {

    private final String field;

    IdempotencyConflictException(String field, String id) {
        super(field + " " + id + " was already booked with a different body");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
