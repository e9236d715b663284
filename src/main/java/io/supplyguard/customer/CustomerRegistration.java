package io.supplyguard.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One customer as the billing/marketing system sends it: the customer with its current
 * contacts, its meter (bound to it) and, for a new customer, its opening account.
 * Field names are the JSON names; messages name the rule that was broken.
 */
@ConsistentRegistration
public record CustomerRegistration(
        @NotNull @Pattern(regexp = RegistryFormats.CUSTOMER_NO, message = "must be 10 digits") String customerNo,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 500) String address,
        @NotNull UsageClass usageClass,
        BillingMode billingMode,
        @NotNull @Pattern(regexp = RegistryFormats.DISTRICT, message = "must be 1-40 letters, digits, '-' or '_'") String district,
        @PastOrPresent LocalDate agreementSignedOn,
        ImportanceGrade importanceGrade,
        boolean safetySensitive,
        SafetyReason safetyReason,
        @Size(max = 200) String supervisingBody,
        @Valid List<@NotNull @Valid Contact> contacts,
        @Valid Meter meter,
        @Valid Account account) {

    public CustomerRegistration {
        billingMode = billingMode == null ? BillingMode.POSTPAID : billingMode;
        importanceGrade = importanceGrade == null ? ImportanceGrade.NONE : importanceGrade;
    }

    public record Contact(
            @NotNull @Pattern(regexp = RegistryFormats.PHONE,
                    message = "must be a mainland mobile (1[3-9] + 9 digits) or a landline with area code") String phone,
            @NotNull ContactRole role,
            ContactStatus status,
            @PastOrPresent OffsetDateTime verifiedAt,
            @Size(max = 30) String source) {

        public Contact {
            status = status == null ? ContactStatus.UNVERIFIED : status;
            source = source == null || source.isBlank() ? "API" : source;
        }
    }

    public record Meter(
            @NotNull @Pattern(regexp = RegistryFormats.TWELVE_DIGITS, message = "must be 12 digits") String meterNo,
            @NotNull @Pattern(regexp = RegistryFormats.TWELVE_DIGITS, message = "must be 12 BCD digits") String commAddress,
            @NotNull @Pattern(regexp = RegistryFormats.BUS_ID, message = "must be 1-40 letters, digits, '-' or '_'") String busId,
            @Pattern(regexp = RegistryFormats.PASSWORD_LEVEL, message = "must be 2 hex digits") String passwordLevel,
            @Pattern(regexp = RegistryFormats.PASSWORD, message = "must be 6 hex digits") String password,
            @Pattern(regexp = RegistryFormats.OPERATOR_CODE, message = "must be 8 hex digits") String operatorCode,
            CloseMode closeMode,
            RelayState relayState) {

        public Meter {
            passwordLevel = passwordLevel == null ? "02" : passwordLevel.toUpperCase();
            password = password == null ? "000000" : password.toUpperCase();
            operatorCode = operatorCode == null ? "00000000" : operatorCode.toUpperCase();
            closeMode = closeMode == null ? CloseMode.DIRECT_CLOSE : closeMode;
        }
    }

    /** Opening account; balances of an existing customer change only through payments and bills. */
    public record Account(
            @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals") BigDecimal balance,
            @DecimalMin("0.00") @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals") BigDecimal arrears,
            @Past LocalDate overdueSince) {

        public Account {
            balance = balance == null ? BigDecimal.ZERO : balance;
            arrears = arrears == null ? BigDecimal.ZERO : arrears;
        }
    }
}
