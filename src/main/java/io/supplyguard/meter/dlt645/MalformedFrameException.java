package io.supplyguard.meter.dlt645;

/** Bytes that are not a well-formed DL/T 645 frame, or a frame whose content cannot be decoded. */
public class MalformedFrameException extends RuntimeException {

    private final FrameField field;

    public MalformedFrameException(FrameField field, String detail) {
        super(field + ": " + detail);
        this.field = field;
    }

    /** The part of the frame that is wrong. */
    public FrameField field() {
        return field;
    }
}
