package io.supplyguard.switching;

/**
 * Implemented by the reconnection module: makes sure a payment reconnection runs for a customer
 * who owes nothing while the relay is open or possibly open. Called inside the caller's
 * transaction (the process start commits with the fact that made it necessary).
 */
public interface PaidCustomerReconnection {

    void ensureRunning(String customerNo, String reason);
}
