package io.supplyguard.meter.dlt645;

import java.util.HexFormat;

/** Frames as people read them in logs and audit records: "68 11 11 ... 16". */
public final class Hex {

    private static final HexFormat SPACED = HexFormat.ofDelimiter(" ").withUpperCase();

    private Hex() {
    }

    public static String of(byte[] bytes) {
        return bytes == null ? null : SPACED.formatHex(bytes);
    }

    public static byte[] parse(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }
}
