package io.supplyguard.meter.dlt645;

/** The data identifiers (DI3 DI2 DI1 DI0, sent DI0 first) SupplyGuard reads. */
public enum DataIdentifier {
    /** Combined active energy, total (used by the published vectors). */
    ACTIVE_ENERGY_TOTAL(0x00010000),
    /** Status word 3: relay and power guarantee bits. */
    STATUS_WORD_3(0x04000503),
    METER_NUMBER(0x04000402),
    /** Remaining money, XXXXXX.XX. */
    REMAINING_MONEY(0x00900200);

    private final int code;

    DataIdentifier(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    byte[] toBytes() {
        return new byte[] {(byte) code, (byte) (code >> 8), (byte) (code >> 16), (byte) (code >> 24)};
    }

    static int codeOf(byte[] data) {
        if (data.length < 4) {
            throw new MalformedFrameException(FrameField.DATA_IDENTIFIER, "only " + data.length + " data bytes");
        }
        return (data[0] & 0xFF) | (data[1] & 0xFF) << 8 | (data[2] & 0xFF) << 16 | (data[3] & 0xFF) << 24;
    }

    public static DataIdentifier of(byte[] data) {
        int code = codeOf(data);
        for (DataIdentifier di : values()) {
            if (di.code == code) {
                return di;
            }
        }
        throw new MalformedFrameException(FrameField.DATA_IDENTIFIER, String.format("unknown %08X", code));
    }

    @Override
    public String toString() {
        return String.format("%s(%08X)", name(), code);
    }
}
