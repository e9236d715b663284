package io.supplyguard.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A charged reading: consumption since the meter's previous reading at the configured tariff, and
 * the available balance after it. The first reading of a meter is the baseline and costs nothing.
 *
 * @param lowBalanceWarning this reading took the balance below the threshold: the warning SMS goes out
 */
public record ReadingResult(
        String meterNo,
        String customerNo,
        OffsetDateTime readAt,
        @JsonProperty("kWh") BigDecimal kWh,
        BigDecimal consumedKwh,
        BigDecimal tariff,
        BigDecimal cost,
        BigDecimal balance,
        BigDecimal arrears,
        boolean lowBalanceWarning,
        boolean replay) {
}
