package io.supplyguard.meter.dlt645;

import java.util.EnumSet;
import java.util.Set;

/** The bits of the ERR byte of an abnormal reply. */
public enum MeterError {
    OTHER(0),
    NO_REQUESTED_DATA(1),
    UNAUTHORISED(2),
    BAUD_NOT_CHANGEABLE(3),
    TOO_MANY_YEAR_ZONES(4),
    TOO_MANY_DAY_PERIODS(5),
    TOO_MANY_TARIFFS(6);

    private final int bit;

    MeterError(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public static Set<MeterError> fromErrByte(int err) {
        Set<MeterError> errors = EnumSet.noneOf(MeterError.class);
        for (MeterError e : values()) {
            if ((err & (1 << e.bit)) != 0) {
                errors.add(e);
            }
        }
        return errors;
    }

    public static int toErrByte(Set<MeterError> errors) {
        return errors.stream().mapToInt(e -> 1 << e.bit).reduce(0, (a, b) -> a | b);
    }
}
