package io.supplyguard.notification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** A delivery receipt from the gateway; {@code messageId} is ours (sent to the gateway as reference). */
record SmsReceipt(
        @NotNull @Pattern(regexp = "^[0-9a-fA-F-]{36}$", message = "must be a message id as returned when sending") String messageId,
        @NotNull Result status,
        @Size(max = 200) String reason,
        OffsetDateTime reportedAt) {

    enum Result { DELIVERED, FAILED }
}
