package io.supplyguard.meter;

/**
 * The bus is not (or no longer) owned by this node: nothing was sent. Not a failure of the meter
 * or of the command — the bus's owner runs it (a command this node had started is queued again
 * by the next owner).
 */
public class BusNotOwnedException extends MeterBusUnavailableException {

    public BusNotOwnedException(String busId) {
        super("bus " + busId + " is not owned by this node: its owner sends its frames");
    }

    /** Somewhere in the chain of causes? */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BusNotOwnedException) {
                return true;
            }
        }
        return false;
    }
}
