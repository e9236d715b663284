package io.supplyguard.customer;

import java.time.OffsetDateTime;

/** One person's check of a contact: a confirmation counts as a verification (who, when, which number). */
public record RecordedContactCheck(String customerNo, String phone, ContactRole role, boolean confirmed, ContactCheckChannel channel,
        String checkedBy, OffsetDateTime checkedAt) {
}
