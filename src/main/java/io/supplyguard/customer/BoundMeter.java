package io.supplyguard.customer;

/** A meter that is bound to a customer now. */
public record BoundMeter(String meterNo, String commAddress, String busId, String customerNo, BillingMode billingMode) {
}
