package io.supplyguard.meter.bus;

import java.io.IOException;

/** A raw byte pipe to an RS-485 bus: a serial port or a TCP connection to a device server. */
public interface ByteLink extends AutoCloseable {

    /** Reads what has arrived, waiting at most one short poll interval; 0 when nothing came. */
    int read(byte[] buffer) throws IOException;

    void write(byte[] bytes) throws IOException;

    /** Drops stale bytes (a late reply to an earlier request must not be taken for this one's). */
    void discardInput() throws IOException;

    String describe();

    @Override
    void close();
}
