package io.supplyguard.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.supplyguard.customer.RegistryFormats;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A prepaid meter's total active energy register (DI 00010000) as collected.
 *
 * @param busId optional: communication addresses are unique per bus only
 */
record ReadingRequest(
        @NotNull @Pattern(regexp = RegistryFormats.TWELVE_DIGITS, message = "must be 12 BCD digits") String meterAddress,
        @Pattern(regexp = RegistryFormats.BUS_ID, message = "must be 1-40 letters, digits, '-' or '_'") String busId,
        @NotNull OffsetDateTime readAt,
        @JsonProperty("kWh") @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals") BigDecimal kWh) {
}
