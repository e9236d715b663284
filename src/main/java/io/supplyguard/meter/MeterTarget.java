package io.supplyguard.meter;

/**
 * Which meter, on which bus, with which credentials. Built by the calling module from the
 * registry; {@code meterNo} is what the meter must report for a command to count as addressed
 * to the right customer.
 */
public record MeterTarget(
        String busId,
        String address,
        String meterNo,
        String passwordLevel,
        String password,
        String operatorCode) {
}
