package io.supplyguard.release;

import java.util.Set;

/**
 * The models whose new versions a leader releases (issue 15, rule 4): the six processes, the
 * decisions of the disconnection policy (disconnection-policy.dmn: {@code disconnection-policy},
 * {@code payment-stops-cut}) and the release process itself — every process and decision in
 * {@code processes/} ({@code CoreModelsTest}). A held version is kept by the engine under
 * {@code <key>.awaiting-release}; that suffix is reserved.
 */
public final class CoreModels {

    public static final Set<String> KEYS = Set.of("arrears-disconnection", "important-customer-disconnection",
            "payment-reconnection", "emergency-reconnection", "reconnection-sweep", "contact-verification", "counter-contact-check",
            "disconnection-policy", "payment-stops-cut", "model-release");

    static final String HELD_SUFFIX = ".awaiting-release";

    private CoreModels() {
    }

    /**
     * The key a held copy stands for (the key itself otherwise): the deployment guard checks a held
     * copy's activities as those of the model it will become.
     */
    public static String releasedKey(String key) {
        return key != null && key.endsWith(HELD_SUFFIX) ? key.substring(0, key.length() - HELD_SUFFIX.length()) : key;
    }

    static String heldKey(String key) {
        return key + HELD_SUFFIX;
    }

    static boolean isHeldKey(String key) {
        return key != null && key.endsWith(HELD_SUFFIX);
    }
}
