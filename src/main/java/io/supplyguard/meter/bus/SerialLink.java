package io.supplyguard.meter.bus;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;

/**
 * A serial port through jSerialComm, opened by explicit path (pseudo-terminals are not
 * enumerated), on first use and again after a failure: an unplugged adapter fails commands
 * on its bus, not the application. Reads do not block; an empty read waits one poll interval.
 */
public final class SerialLink implements ByteLink {

    private final SerialSettings settings;
    private SerialPort port;

    public SerialLink(SerialSettings settings) {
        this.settings = settings;
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        SerialPort open = port();
        int available = open.bytesAvailable();
        if (available < 0) {
            throw failure("port gone");
        }
        if (available == 0) {
            pause();
            return 0;
        }
        int n = open.readBytes(buffer, Math.min(available, buffer.length));
        if (n < 0) {
            throw failure("read failed");
        }
        return n;
    }

    private void pause() throws IOException {
        try {
            Thread.sleep(settings.pollMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + settings.path(), e);
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        SerialPort open = port();
        int written = 0;
        while (written < bytes.length) {
            int n = open.writeBytes(bytes, bytes.length - written, written);
            if (n < 0) {
                throw failure("write failed after " + written + " of " + bytes.length + " bytes");
            }
            written += n;
            if (n == 0) {
                pause();
            }
        }
    }

    @Override
    public void discardInput() throws IOException {
        SerialPort open = port();
        int available = open.bytesAvailable();
        if (available > 0) {
            open.readBytes(new byte[available], available);
        }
    }

    @Override
    public String describe() {
        return "serial " + settings.path() + " " + settings.baud() + " baud";
    }

    @Override
    public void close() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }

    private SerialPort port() throws IOException {
        if (port == null) {
            SerialPort fresh = SerialPort.getCommPort(settings.path());
            // opened with jSerialComm's defaults, then timeouts, then line settings: in any other
            // order 2.11 fails (EINVAL) to configure a pty end that already has these line settings
            if (!fresh.openPort()) {
                throw new IOException(describeError(fresh, "cannot open serial port " + settings.path()));
            }
            // non-blocking reads polled every few ms: no VTIME, so none of Linux's 100 ms rounding
            boolean configured = fresh.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0)
                    && fresh.setComPortParameters(settings.baud(), settings.dataBits(), settings.stopBits(), settings.parity())
                    && (!settings.rs485() || fresh.setRs485ModeParameters(true, settings.rs485RtsActiveHigh(),
                            settings.rs485DelayBeforeSendMicros(), settings.rs485DelayAfterSendMicros()));
            if (!configured) {
                String message = describeError(fresh, "cannot configure serial port " + settings.path());
                fresh.closePort();
                throw new IOException(message);
            }
            port = fresh;
        }
        return port;
    }

    private static String describeError(SerialPort port, String what) {
        return what + " (error " + port.getLastErrorCode() + " at jSerialComm native line " + port.getLastErrorLocation() + ")";
    }

    private IOException failure(String what) {
        IOException e = new IOException("serial port " + settings.path() + ": " + what + " (error " + port.getLastErrorCode() + ")");
        close();
        return e;
    }

    /** Defaults of DL/T 645: 2400 baud, 8 data bits, even parity, 1 stop bit. */
    public record SerialSettings(String path, int baud, int dataBits, int parity, int stopBits, int pollMillis,
                                 boolean rs485, boolean rs485RtsActiveHigh, int rs485DelayBeforeSendMicros,
                                 int rs485DelayAfterSendMicros) {

        public static SerialSettings dlt645(String path, int baud) {
            return new SerialSettings(path, baud, 8, SerialPort.EVEN_PARITY, SerialPort.ONE_STOP_BIT, 2,
                    false, true, 0, 0);
        }
    }
}
