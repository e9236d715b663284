package io.supplyguard.customer;

/** What a registration did: created a new customer or updated an existing one. */
public record RegistrationOutcome(String customerNo, boolean created) {
}
