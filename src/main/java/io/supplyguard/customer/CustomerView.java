package io.supplyguard.customer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.supplyguard.meter.MeterTarget;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A customer as the registry knows it now, with the history of contacts and bindings. */
public record CustomerView(
        String customerNo,
        String name,
        String address,
        UsageClass usageClass,
        BillingMode billingMode,
        String district,
        LocalDate agreementSignedOn,
        ImportanceGrade importanceGrade,
        boolean safetySensitive,
        SafetyReason safetyReason,
        String supervisingBody,
        List<ContactView> contacts,
        List<ContactView> contactHistory,
        MeterView meter,
        List<BindingView> bindings,
        AccountView account) {

    public boolean hasFeeControlAgreement() {
        return agreementSignedOn != null;
    }

    public record ContactView(
            long id,
            String phone,
            ContactRole role,
            ContactStatus status,
            OffsetDateTime verifiedAt,
            String source,
            OffsetDateTime validFrom,
            OffsetDateTime validTo) {
    }

    public record MeterView(
            String meterNo,
            String commAddress,
            String busId,
            String protocol,
            String passwordLevel,
            // secrets for the meter driver only: never serialised into API answers
            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String password,
            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String operatorCode,
            CloseMode closeMode,
            RelayState relayState,
            OffsetDateTime relayConfirmedAt,
            boolean powerGuarantee) {

        /** How the meter driver addresses this meter (carries the secrets: never serialised). */
        @JsonIgnore
        public MeterTarget target() {
            return new MeterTarget(busId, commAddress, meterNo, passwordLevel, password, operatorCode);
        }
    }

    public record BindingView(String meterNo, OffsetDateTime validFrom, OffsetDateTime validTo) {
    }

    public record AccountView(
            BigDecimal balance,
            BigDecimal arrears,
            LocalDate overdueSince,
            OffsetDateTime lastPaymentAt,
            BigDecimal lastPaymentAmount) {
    }
}
