package io.supplyguard.meter.dlt645;

/** The parts of a DL/T 645 frame, so that a malformed input can say which part is wrong. */
public enum FrameField {
    START,
    ADDRESS,
    SECOND_START,
    CONTROL,
    LENGTH,
    DATA,
    CHECKSUM,
    END,
    DATA_IDENTIFIER,
    VALUE
}
