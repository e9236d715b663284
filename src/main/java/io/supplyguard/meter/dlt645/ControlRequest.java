package io.supplyguard.meter.dlt645;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * The 16 data bytes of control 1CH: password level, password (3 bytes), operator code (4),
 * N1, N2 and the validity deadline (ss mm hh DD MM YY, BCD) in the meter's local time.
 * Password and operator code are hex digits as printed on the meter's configuration sheet.
 */
public record ControlRequest(String passwordLevel, String password, String operatorCode, int n1, LocalDateTime deadline) {

    static final int LENGTH = 16;

    public ControlRequest {
        requireHex(passwordLevel, 2, "password level");
        requireHex(password, 6, "password");
        requireHex(operatorCode, 8, "operator code");
        if (n1 < 0 || n1 > 0xFF) {
            throw new MalformedFrameException(FrameField.VALUE, "N1 not a byte: " + n1);
        }
        if (deadline == null || deadline.getYear() < 2000 || deadline.getYear() > 2099) {
            throw new MalformedFrameException(FrameField.VALUE, "deadline not representable: " + deadline);
        }
    }

    byte[] toData() {
        byte[] data = new byte[LENGTH];
        data[0] = (byte) Integer.parseInt(passwordLevel, 16);
        putHexLowFirst(password, data, 1);
        putHexLowFirst(operatorCode, data, 4);
        data[8] = (byte) n1;
        data[9] = 0;
        data[10] = (byte) Bcd.toBcd(deadline.getSecond());
        data[11] = (byte) Bcd.toBcd(deadline.getMinute());
        data[12] = (byte) Bcd.toBcd(deadline.getHour());
        data[13] = (byte) Bcd.toBcd(deadline.getDayOfMonth());
        data[14] = (byte) Bcd.toBcd(deadline.getMonthValue());
        data[15] = (byte) Bcd.toBcd(deadline.getYear() % 100);
        return data;
    }

    static ControlRequest fromData(byte[] data) {
        if (data.length != LENGTH) {
            throw new MalformedFrameException(FrameField.LENGTH, "control data must be 16 bytes, got " + data.length);
        }
        String level = String.format("%02X", data[0]);
        String password = String.format("%02X%02X%02X", data[3], data[2], data[1]);
        String operator = String.format("%02X%02X%02X%02X", data[7], data[6], data[5], data[4]);
        String stamp = Bcd.fromBytesLowFirst(data, 10, 6, FrameField.VALUE);
        try {
            LocalDateTime deadline = LocalDateTime.of(2000 + Integer.parseInt(stamp.substring(0, 2)),
                    Integer.parseInt(stamp.substring(2, 4)), Integer.parseInt(stamp.substring(4, 6)),
                    Integer.parseInt(stamp.substring(6, 8)), Integer.parseInt(stamp.substring(8, 10)),
                    Integer.parseInt(stamp.substring(10, 12)));
            return new ControlRequest(level, password, operator, data[8] & 0xFF, deadline);
        } catch (DateTimeException e) {
            throw new MalformedFrameException(FrameField.VALUE, "deadline " + stamp + " is not a date: " + e.getMessage());
        }
    }

    private static void putHexLowFirst(String hex, byte[] target, int offset) {
        int n = hex.length() / 2;
        for (int i = 0; i < n; i++) {
            int pos = hex.length() - 2 * (i + 1);
            target[offset + i] = (byte) Integer.parseInt(hex.substring(pos, pos + 2), 16);
        }
    }

    private static void requireHex(String value, int digits, String what) {
        if (value == null || value.length() != digits || !value.matches("[0-9A-Fa-f]+")) {
            throw new MalformedFrameException(FrameField.VALUE, what + " must be " + digits + " hex digits, got '" + value + "'");
        }
    }
}
