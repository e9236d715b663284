package io.supplyguard.browser;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Debian's Chromium and its driver are (overridable with the environment variables
 * {@code CHROMIUM_BIN} and {@code CHROMEDRIVER_BIN}); nothing is ever downloaded.
 */
final class ChromiumInstallation {

    private ChromiumInstallation() {
    }

    static Path browser() {
        return Path.of(env("CHROMIUM_BIN", "/usr/bin/chromium"));
    }

    static Path driver() {
        return Path.of(env("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    }

    /** What is missing, or null when both the browser and the driver are there. */
    static String missing() {
        if (!Files.isExecutable(browser())) {
            return "no Chromium at " + browser();
        }
        if (!Files.isExecutable(driver())) {
            return "no chromedriver at " + driver();
        }
        return null;
    }

    static boolean underCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
