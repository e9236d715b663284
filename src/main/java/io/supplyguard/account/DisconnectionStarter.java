package io.supplyguard.account;

/**
 * Port through which the arrears evaluation hands an eligible customer to the disconnection
 * process. Implemented by the disconnection module; must start at most one process per customer.
 */
public interface DisconnectionStarter {

    /** @return true when a process was started, false when one was already running. */
    boolean startFor(String customerNo, String trigger);

    /** Customers that have a disconnection process running now. */
    boolean isRunningFor(String customerNo);
}
