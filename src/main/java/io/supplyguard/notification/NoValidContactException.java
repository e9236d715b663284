package io.supplyguard.notification;

/** The customer has no VALID contact: the process must have it verified before sending. */
public class NoValidContactException extends RuntimeException {

    public NoValidContactException(String customerNo) {
        super("customer " + customerNo + " has no valid contact verified recently enough");
    }
}
