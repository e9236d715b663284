package io.supplyguard.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Formats of the accounting API and the request fingerprint behind idempotency. */
final class Formats {

    /** Ids issued by billing and collection systems. */
    static final String EXTERNAL_ID = "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$";
    static final String EXTERNAL_ID_MESSAGE = "must be 1-64 letters, digits, '_', '.', ':' or '-'";

    private Formats() {
    }

    static String digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
