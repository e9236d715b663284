package io.supplyguard.meter.dlt645;

/** Packed BCD as DL/T 645 uses it: two digits a byte, lowest byte first on the wire. */
public final class Bcd {

    private Bcd() {
    }

    /** {@code digits} (even count, most significant first) to bytes, lowest first. */
    public static byte[] toBytesLowFirst(String digits, FrameField field) {
        if (digits == null || digits.length() % 2 != 0 || !digits.chars().allMatch(Character::isDigit)) {
            throw new MalformedFrameException(field, "expected an even number of decimal digits, got '" + digits + "'");
        }
        int n = digits.length() / 2;
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            int pos = digits.length() - 2 * (i + 1);
            bytes[i] = (byte) (((digits.charAt(pos) - '0') << 4) | (digits.charAt(pos + 1) - '0'));
        }
        return bytes;
    }

    /** Bytes, lowest first, to digits, most significant first. */
    public static String fromBytesLowFirst(byte[] bytes, int offset, int length, FrameField field) {
        StringBuilder digits = new StringBuilder(length * 2);
        for (int i = offset + length - 1; i >= offset; i--) {
            digits.append(digitsOf(bytes[i] & 0xFF, field));
        }
        return digits.toString();
    }

    /** One byte 0..99 as BCD. */
    public static int toBcd(int value) {
        if (value < 0 || value > 99) {
            throw new IllegalArgumentException("BCD byte out of range: " + value);
        }
        return ((value / 10) << 4) | (value % 10);
    }

    private static String digitsOf(int b, FrameField field) {
        int high = b >> 4;
        int low = b & 0x0F;
        if (high > 9 || low > 9) {
            throw new MalformedFrameException(field, String.format("not a BCD byte: %02X", b));
        }
        return "" + high + low;
    }
}
