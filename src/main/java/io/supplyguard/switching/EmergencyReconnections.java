package io.supplyguard.switching;

/** Implemented by the reconnection module: the kernel never trips a customer under emergency reconnection. */
public interface EmergencyReconnections {

    boolean runningFor(String customerNo);
}
