package io.supplyguard.meter;

import java.time.Instant;
import java.util.List;

/**
 * Which buses this node owns (issue 16: each bus has exactly one owner in the cluster). Owning a
 * bus means holding its lease and its port or connection; only the owner sends frames on it.
 * {@link BusOwned} and {@link BusReleased} are published when that changes.
 */
public interface BusOwnership {

    /** This node's name in logs, health and metrics. */
    String node();

    boolean owns(String busId);

    /** Every configured bus and what this node knows of it. */
    List<BusState> buses();

    enum Ownership { ELECTING, TAKING_OVER, OWNED, OWNED_ELSEWHERE, RELEASING }

    record BusState(String busId, Ownership ownership, Instant since) {
    }

    /** This node now owns the bus and has it open; published on the bus's own ownership thread. */
    record BusOwned(String busId, String node) {
    }

    /** This node no longer owns the bus (lease lost, database away, shutdown); it sends nothing more on it. */
    record BusReleased(String busId, String node) {
    }
}
