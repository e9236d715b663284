package io.supplyguard.meter.bus;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;

/**
 * A serial port through jSerialComm, opened by explicit path (pseudo-terminals are not
 * enumerated). Reads block for at most one poll interval (Linux rounds it to 100 ms steps).
 */
public final class SerialLink implements ByteLink {

    private final SerialPort port;

    public SerialLink(SerialSettings settings) throws IOException {
        port = SerialPort.getCommPort(settings.path());
        port.setComPortParameters(settings.baud(), settings.dataBits(), settings.stopBits(), settings.parity());
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                settings.pollMillis(), 0);
        if (settings.rs485()) {
            port.setRs485ModeParameters(true, settings.rs485RtsActiveHigh(), settings.rs485DelayBeforeSendMicros(),
                    settings.rs485DelayAfterSendMicros());
        }
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + settings.path() + " (error " + port.getLastErrorCode() + ")");
        }
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0) {
            throw new IOException("serial port " + port.getSystemPortPath() + " failed (error " + port.getLastErrorCode() + ")");
        }
        return n;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw new IOException("serial port " + port.getSystemPortPath() + " wrote " + written + " of " + bytes.length + " bytes");
        }
    }

    @Override
    public void discardInput() {
        int available = port.bytesAvailable();
        if (available > 0) {
            port.readBytes(new byte[available], available);
        }
    }

    @Override
    public String describe() {
        return "serial " + port.getSystemPortPath() + " " + port.getBaudRate() + " baud";
    }

    @Override
    public void close() {
        port.closePort();
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
