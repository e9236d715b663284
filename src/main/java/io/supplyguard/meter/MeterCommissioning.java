package io.supplyguard.meter;

/**
 * Commissioning reads that are not about a registered customer: which meter answers on a bus.
 * Kept apart from {@link MeterControl} so that modules faking MeterControl in tests are not
 * forced to implement it.
 */
public interface MeterCommissioning {

    /** Reads the communication address (13H to the wildcard address); works only with one meter on the line. */
    AddressReading readAddress(String busId, Requester requester);

    record AddressReading(CommandOutcome outcome, String reason, String address, Long auditId) {

        public boolean succeeded() {
            return outcome.succeeded();
        }
    }
}
