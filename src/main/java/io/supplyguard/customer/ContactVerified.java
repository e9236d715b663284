package io.supplyguard.customer;

/**
 * Published in the transaction of a counter check that confirmed or corrected a number: a
 * disconnection waiting for a verified contact of this customer may go on.
 */
public record ContactVerified(String customerNo, String phone, String checkedBy) {
}
