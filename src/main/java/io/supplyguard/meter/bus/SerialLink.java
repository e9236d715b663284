package io.supplyguard.meter.bus;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;

/**
 * A serial port through jSerialComm, opened by explicit path (pseudo-terminals are not
 * enumerated), on first use and again after a failure: an unplugged adapter fails commands
 * on its bus, not the application. Reads block for at most one poll interval (Linux rounds
 * it to 100 ms steps).
 */
public final class SerialLink implements ByteLink {

    private final SerialSettings settings;
    private SerialPort port;

    public SerialLink(SerialSettings settings) {
        this.settings = settings;
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        int n = port().readBytes(buffer, buffer.length);
        if (n < 0) {
            throw failure("read failed");
        }
        return n;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        int written = port().writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw failure("wrote " + written + " of " + bytes.length + " bytes");
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
            fresh.setComPortParameters(settings.baud(), settings.dataBits(), settings.stopBits(), settings.parity());
            fresh.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                    settings.pollMillis(), 0);
            if (settings.rs485()) {
                fresh.setRs485ModeParameters(true, settings.rs485RtsActiveHigh(), settings.rs485DelayBeforeSendMicros(),
                        settings.rs485DelayAfterSendMicros());
            }
            if (!fresh.openPort()) {
                throw new IOException("cannot open serial port " + settings.path() + " (error " + fresh.getLastErrorCode() + ")");
            }
            port = fresh;
        }
        return port;
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
            return new SerialSettings(path, baud, 8, SerialPort.EVEN_PARITY, SerialPort.ONE_STOP_BIT, 100,
                    false, true, 0, 0);
        }
    }
}
