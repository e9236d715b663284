package io.supplyguard.disconnection;

import io.supplyguard.customer.CustomerView.MeterView;
import io.supplyguard.meter.MeterTarget;

/** The registry's meter record as the meter driver needs it. */
final class MeterTargets {

    private MeterTargets() {
    }

    static MeterTarget of(MeterView meter) {
        return new MeterTarget(meter.busId(), meter.commAddress(), meter.meterNo(), meter.passwordLevel(),
                meter.password(), meter.operatorCode());
    }
}
