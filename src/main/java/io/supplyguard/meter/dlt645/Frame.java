package io.supplyguard.meter.dlt645;

import java.util.Arrays;

/**
 * One DL/T 645-2007 frame with its data as the meter means it (the +33H of the wire already
 * removed). Control byte: D7 reply, D6 abnormal reply, D5 follow-up frame, D4..D0 function.
 */
public record Frame(String address, int control, byte[] data) {

    public static final int MAX_DATA_LENGTH = 200;

    public Frame {
        Address.encode(address);
        if (control < 0 || control > 0xFF) {
            throw new MalformedFrameException(FrameField.CONTROL, "not a byte: " + control);
        }
        data = data == null ? new byte[0] : data.clone();
        if (data.length > MAX_DATA_LENGTH) {
            throw new MalformedFrameException(FrameField.LENGTH, data.length + " data bytes exceed " + MAX_DATA_LENGTH);
        }
    }

    public int function() {
        return control & 0x1F;
    }

    public boolean isReply() {
        return (control & 0x80) != 0;
    }

    public boolean isAbnormal() {
        return (control & 0x40) != 0;
    }

    public boolean hasFollowUp() {
        return (control & 0x20) != 0;
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Frame f && f.address.equals(address) && f.control == control && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * address.hashCode() + control) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("Frame[%s C=%02X data=%s]", address, control, Hex.of(data));
    }
}
