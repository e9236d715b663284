package io.supplyguard.meter.dlt645;

import java.util.Arrays;

/** Frames to wire bytes and back: start bytes, BCD address, +33H data, checksum, end byte. */
public final class FrameCodec {

    public static final int START = 0x68;
    public static final int END = 0x16;
    public static final int WAKE_UP = 0xFE;
    public static final int WAKE_UP_SENT = 4;
    static final int DATA_OFFSET = 0x33;
    /** 68, address, 68, C, L before the data; CS, 16 after it. */
    static final int OVERHEAD = 12;

    private FrameCodec() {
    }

    /** The frame as a requester sends it: four wake-up bytes FEH first. */
    public static byte[] encodeForWire(Frame frame) {
        byte[] body = encode(frame);
        byte[] wire = new byte[WAKE_UP_SENT + body.length];
        Arrays.fill(wire, 0, WAKE_UP_SENT, (byte) WAKE_UP);
        System.arraycopy(body, 0, wire, WAKE_UP_SENT, body.length);
        return wire;
    }

    /** The frame from the first 68H to the end byte 16H. */
    public static byte[] encode(Frame frame) {
        byte[] data = frame.data();
        byte[] bytes = new byte[OVERHEAD + data.length];
        bytes[0] = (byte) START;
        System.arraycopy(Address.encode(frame.address()), 0, bytes, 1, Address.BYTES);
        bytes[7] = (byte) START;
        bytes[8] = (byte) frame.control();
        bytes[9] = (byte) data.length;
        for (int i = 0; i < data.length; i++) {
            bytes[10 + i] = (byte) (data[i] + DATA_OFFSET);
        }
        bytes[10 + data.length] = (byte) checksum(bytes, 0, 10 + data.length);
        bytes[11 + data.length] = (byte) END;
        return bytes;
    }

    /**
     * Decodes one frame. Anything before its start (wake-up FEH, line noise) is skipped;
     * nothing may follow the end byte.
     */
    public static Frame decode(byte[] bytes) {
        int start = indexOfStart(bytes);
        require(bytes, start, 7, FrameField.ADDRESS);
        String address = Address.decode(bytes, start + 1);
        require(bytes, start + 7, 1, FrameField.SECOND_START);
        if ((bytes[start + 7] & 0xFF) != START) {
            throw new MalformedFrameException(FrameField.SECOND_START, String.format("expected 68, got %02X", bytes[start + 7]));
        }
        require(bytes, start + 8, 1, FrameField.CONTROL);
        int control = bytes[start + 8] & 0xFF;
        require(bytes, start + 9, 1, FrameField.LENGTH);
        int length = bytes[start + 9] & 0xFF;
        if (length > Frame.MAX_DATA_LENGTH) {
            throw new MalformedFrameException(FrameField.LENGTH, length + " exceeds " + Frame.MAX_DATA_LENGTH);
        }
        require(bytes, start + 10, length, FrameField.DATA);
        require(bytes, start + 10 + length, 1, FrameField.CHECKSUM);
        int expected = checksum(bytes, start, 10 + length);
        int actual = bytes[start + 10 + length] & 0xFF;
        if (expected != actual) {
            throw new MalformedFrameException(FrameField.CHECKSUM, String.format("computed %02X, frame says %02X", expected, actual));
        }
        require(bytes, start + 11 + length, 1, FrameField.END);
        if ((bytes[start + 11 + length] & 0xFF) != END) {
            throw new MalformedFrameException(FrameField.END, String.format("expected 16, got %02X", bytes[start + 11 + length]));
        }
        int trailing = bytes.length - (start + OVERHEAD + length);
        if (trailing > 0) {
            throw new MalformedFrameException(FrameField.END, trailing + " bytes after the end byte");
        }
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (bytes[start + 10 + i] - DATA_OFFSET);
        }
        return new Frame(address, control, data);
    }

    /**
     * The first 68H that has a second 68H seven bytes on (a 68H in line noise is not a start);
     * failing that the first 68H, so that the error names the field that is wrong.
     */
    static int indexOfStart(byte[] bytes) {
        int first = -1;
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == START) {
                if (i + 7 < bytes.length && (bytes[i + 7] & 0xFF) == START) {
                    return i;
                }
                first = first < 0 ? i : first;
            }
        }
        if (first < 0) {
            throw new MalformedFrameException(FrameField.START, "no 68 in " + bytes.length + " bytes");
        }
        return first;
    }

    /** Sum mod 256 of the bytes from the first 68H through the last data byte. */
    static int checksum(byte[] bytes, int from, int count) {
        int sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += bytes[i] & 0xFF;
        }
        return sum & 0xFF;
    }

    private static void require(byte[] bytes, int offset, int count, FrameField field) {
        if (bytes.length < offset + count) {
            throw new MalformedFrameException(field, "frame ends after " + bytes.length + " bytes");
        }
    }
}
