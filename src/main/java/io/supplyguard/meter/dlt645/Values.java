package io.supplyguard.meter.dlt645;

import java.math.BigDecimal;

/** The data formats of the identifiers SupplyGuard reads (all lowest byte first). */
public final class Values {

    private Values() {
    }

    public static StatusWord3 statusWord3(byte[] value) {
        requireLength(value, 2, "status word 3");
        return new StatusWord3((value[0] & 0xFF) | (value[1] & 0xFF) << 8);
    }

    public static byte[] statusWord3(StatusWord3 word) {
        return new byte[] {(byte) word.bits(), (byte) (word.bits() >> 8)};
    }

    /** Meter number NNNNNNNNNNNN: 6 BCD bytes. */
    public static String meterNumber(byte[] value) {
        requireLength(value, 6, "meter number");
        return Bcd.fromBytesLowFirst(value, 0, 6, FrameField.VALUE);
    }

    public static byte[] meterNumber(String digits) {
        if (digits.length() != 12) {
            throw new MalformedFrameException(FrameField.VALUE, "meter number must be 12 digits, got '" + digits + "'");
        }
        return Bcd.toBytesLowFirst(digits, FrameField.VALUE);
    }

    /** Remaining money XXXXXX.XX: 4 BCD bytes, two decimals. */
    public static BigDecimal money(byte[] value) {
        requireLength(value, 4, "remaining money");
        return new BigDecimal(Bcd.fromBytesLowFirst(value, 0, 4, FrameField.VALUE)).movePointLeft(2);
    }

    public static byte[] money(BigDecimal amount) {
        String digits = String.format("%08d", amount.movePointRight(2).longValueExact());
        if (amount.signum() < 0 || digits.length() != 8) {
            throw new MalformedFrameException(FrameField.VALUE, "remaining money out of range: " + amount);
        }
        return Bcd.toBytesLowFirst(digits, FrameField.VALUE);
    }

    /** The address in a read-address reply. */
    public static String address(byte[] value) {
        requireLength(value, 6, "address");
        return Address.decode(value, 0);
    }

    private static void requireLength(byte[] value, int length, String what) {
        if (value.length != length) {
            throw new MalformedFrameException(FrameField.VALUE, what + " needs " + length + " bytes, got " + value.length);
        }
    }
}
