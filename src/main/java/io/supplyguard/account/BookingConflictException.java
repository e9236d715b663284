package io.supplyguard.account;

/**
 * A booking contradicts what the ledger holds (HTTP 409): an id booked before with another body,
 * a bill for a prepaid customer, a reading older than or below the meter's last one.
 */
public class BookingConflictException extends RuntimeException {

    private final String field;

    BookingConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    static BookingConflictException otherBody(String field, String id) {
        return new BookingConflictException(field, field + " " + id + " was already booked with a different body");
    }

    public String field() {
        return field;
    }
}
