package io.supplyguard.account;

/** A reading names a communication address that no actively bound meter has. */
class UnknownMeterException extends RuntimeException {

    UnknownMeterException(String meterAddress) {
        super("no meter bound to a customer has communication address " + meterAddress);
    }
}
