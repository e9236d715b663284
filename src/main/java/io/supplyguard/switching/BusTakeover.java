package io.supplyguard.switching;

import io.supplyguard.meter.BusOwnership.BusOwned;
import io.supplyguard.meter.BusOwnership.BusReleased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a node does with a bus it has won or lost (issue 16): won — first settle what a previous
 * owner left unfinished on it (relays read back), then dispatch its queue, starting with the
 * commands the previous owner had running; lost — stop dispatching at once.
 */
@Component
class BusTakeover {

    private static final Logger log = LoggerFactory.getLogger(BusTakeover.class);

    private final UnfinishedCommandReconciliation reconciliation;
    private final SwitchingDispatcher dispatcher;

    BusTakeover(UnfinishedCommandReconciliation reconciliation, SwitchingDispatcher dispatcher) {
        this.reconciliation = reconciliation;
        this.dispatcher = dispatcher;
    }

    @EventListener
    void owned(BusOwned bus) {
        int settled = reconciliation.atTakeOver(bus.busId());
        if (settled > 0) {
            log.info("bus {}: {} unfinished command(s) of a previous owner settled", bus.busId(), settled);
        }
        dispatcher.start(bus.busId());
    }

    @EventListener
    void released(BusReleased bus) {
        dispatcher.stop(bus.busId());
    }
}
