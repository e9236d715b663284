package io.supplyguard.disconnection;

/** A second disconnection for a customer was refused (issue 5: never two active per customer). */
public class DisconnectionAlreadyRunningException extends RuntimeException {

    DisconnectionAlreadyRunningException(String customerNo, String processInstanceId) {
        super("an arrears disconnection is already running for customer " + customerNo
                + " (process instance " + processInstanceId + ")");
    }
}
