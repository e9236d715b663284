package io.supplyguard.account;

import io.supplyguard.customer.RegistryFormats;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A postpaid customer's bill from the billing system; {@code billId} is the billing system's id. */
record BillRequest(
        @NotNull @Pattern(regexp = Formats.EXTERNAL_ID, message = Formats.EXTERNAL_ID_MESSAGE) String billId,
        @NotNull @Pattern(regexp = RegistryFormats.CUSTOMER_NO, message = "must be 10 digits") String customerNo,
        @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be greater than 0")
        @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals") BigDecimal amount,
        @NotNull LocalDate dueDate) {

    String digest() {
        return Formats.digest(customerNo, amount.stripTrailingZeros().toPlainString(), dueDate.toString());
    }
}
