package io.supplyguard.meter.dlt645;

import java.io.ByteArrayOutputStream;

/**
 * Collects bytes as they arrive (one at a time or in bursts) and tells when a frame is
 * complete, from its length byte: wake-up FEH and noise before the first 68H are kept for the
 * record but do not count. No I/O; transports feed it.
 */
public final class FrameReceiver {

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private int start = -1;
    private int expectedEnd = -1;

    /** Feeds bytes; returns true once a whole frame (or an impossible length) has been seen. */
    public boolean feed(byte[] bytes, int offset, int count) {
        for (int i = offset; i < offset + count && !isComplete(); i++) {
            feed(bytes[i]);
        }
        return isComplete();
    }

    private void feed(byte b) {
        received.write(b);
        int position = received.size() - 1;
        if (start < 0) {
            if ((b & 0xFF) == FrameCodec.START) {
                start = position;
            }
            return;
        }
        if (position == start + 7 && (b & 0xFF) != FrameCodec.START) {
            // the 68H taken for a start was noise: resume from the next 68H already received
            start = nextStartAfter(start);
            return;
        }
        if (position == start + 9) {
            int length = b & 0xFF;
            // an impossible length cannot be waited out: hand it to the decoder to name
            expectedEnd = length > Frame.MAX_DATA_LENGTH ? position : start + FrameCodec.OVERHEAD + length - 1;
        }
    }

    private int nextStartAfter(int from) {
        byte[] bytes = received.toByteArray();
        for (int i = from + 1; i < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == FrameCodec.START) {
                return i;
            }
        }
        return -1;
    }

    public boolean isComplete() {
        return expectedEnd >= 0 && received.size() > expectedEnd;
    }

    public boolean hasStarted() {
        return start >= 0;
    }

    /** Everything received so far, wake-up bytes and noise included (for the audit). */
    public byte[] received() {
        return received.toByteArray();
    }

    public Frame decode() {
        return FrameCodec.decode(received());
    }
}
