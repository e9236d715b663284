package io.supplyguard.reconnection;

import io.supplyguard.customer.CustomerView.MeterView;
import io.supplyguard.meter.MeterTarget;

/** Meter targets built from the registry at the moment of the command (secrets never become variables). */
final class MeterTargets {

    private MeterTargets() {
    }

    static MeterTarget of(MeterView meter) {
        return new MeterTarget(meter.busId(), meter.commAddress(), meter.meterNo(), meter.passwordLevel(),
                meter.password(), meter.operatorCode());
    }
}
