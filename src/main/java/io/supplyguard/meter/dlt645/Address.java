package io.supplyguard.meter.dlt645;

/**
 * A communication address: 12 BCD digits, six bytes lowest first on the wire. A byte AAH is
 * a wildcard (the all-AA address reaches whichever single meter is on the bus).
 */
public final class Address {

    public static final String WILDCARD = "AAAAAAAAAAAA";
    static final int BYTES = 6;

    private Address() {
    }

    public static byte[] encode(String address) {
        if (address == null || address.length() != 2 * BYTES) {
            throw new MalformedFrameException(FrameField.ADDRESS, "expected 12 digits, got '" + address + "'");
        }
        byte[] bytes = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            String pair = address.substring(2 * BYTES - 2 * (i + 1), 2 * BYTES - 2 * i);
            bytes[i] = pair.equals("AA") ? (byte) 0xAA : Bcd.toBytesLowFirst(pair, FrameField.ADDRESS)[0];
        }
        return bytes;
    }

    public static String decode(byte[] bytes, int offset) {
        StringBuilder address = new StringBuilder(2 * BYTES);
        for (int i = offset + BYTES - 1; i >= offset; i--) {
            address.append((bytes[i] & 0xFF) == 0xAA ? "AA" : Bcd.fromBytesLowFirst(bytes, i, 1, FrameField.ADDRESS));
        }
        return address.toString();
    }
}
