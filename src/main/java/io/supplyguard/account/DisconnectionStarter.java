package io.supplyguard.account;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Port through which the arrears evaluation hands an eligible customer to the disconnection
 * process. Implemented by the disconnection module; must start at most one process per customer.
 */
public interface DisconnectionStarter {

    /** @return true when a process was started, false when one was already running. */
    boolean startFor(String customerNo, String trigger);

    /** Customers that have a disconnection process running now. */
    boolean isRunningFor(String customerNo);

    /**
     * Which of these customers have a disconnection process running now. The evaluation asks in
     * pages of a few hundred; an implementation should answer each page with one query (e.g.
     * Camunda's {@code processInstanceBusinessKeyIn}) instead of this per-customer default.
     */
    default Set<String> runningAmong(Collection<String> customerNos) {
        return customerNos.stream().filter(this::isRunningFor).collect(Collectors.toSet());
    }
}
