package io.supplyguard.dispute;

import io.supplyguard.infrastructure.web.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** What a person enters for a dispute, checked the same way on {@code /api} and in the start form. */
record DisputeInput(String kind, String text, String source, String ticketNo) {

    /** Column widths (V8_18_12__dispute.sql). */
    static final int MAX_TEXT = 1000;
    static final Pattern TICKET = Pattern.compile("[0-9A-Za-z-]{4,40}");

    List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (parse(Dispute.Kind.class, kind) == null) {
            errors.add(new FieldError("kind", "OneOf", "one of " + Arrays.toString(Dispute.Kind.values())));
        }
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("text", "NotBlank", "what the customer disputes"));
        } else if (text.trim().length() > MAX_TEXT) {
            errors.add(new FieldError("text", "Size", "at most " + MAX_TEXT + " characters"));
        }
        Dispute.Source parsedSource = parse(Dispute.Source.class, source);
        if (parsedSource == null) {
            errors.add(new FieldError("source", "OneOf", "one of " + Arrays.toString(Dispute.Source.values())));
        }
        boolean hasTicket = ticketNo != null && !ticketNo.isBlank();
        if (parsedSource == Dispute.Source.HOTLINE && !hasTicket) {
            errors.add(new FieldError("ticketNo", "NotBlank", "the 95598 ticket number of a HOTLINE dispute"));
        } else if (hasTicket && !TICKET.matcher(ticketNo.trim()).matches()) {
            errors.add(new FieldError("ticketNo", "Pattern", "4 to 40 letters, digits or '-'"));
        }
        return errors;
    }

    Dispute.Kind parsedKind() {
        return parse(Dispute.Kind.class, kind);
    }

    Dispute.Source parsedSource() {
        return parse(Dispute.Source.class, source);
    }

    String trimmedTicketNo() {
        return ticketNo == null || ticketNo.isBlank() ? null : ticketNo.trim();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(null);
    }
}
