package io.supplyguard.meter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two linked pseudo-terminals made by socat: what the driver writes to one end the simulator
 * reads from the other, through the kernel's tty layer (no baud timing, no parity).
 */
final class PseudoTerminalPair implements AutoCloseable {

    final Path driverEnd;
    final Path meterEnd;
    private final Process socat;
    private final Path dir;

    PseudoTerminalPair() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("pty");
        driverEnd = dir.resolve("driver");
        meterEnd = dir.resolve("meter");
        try {
            socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + driverEnd, "pty,raw,echo=0,link=" + meterEnd)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            String missing = "socat is required for the serial tests (apt-get install -y socat; .ci/run installs it)";
            if (System.getenv("CI") == null || System.getenv("CI").isBlank()) {
                // a newcomer's `mvn -B verify` skips them with this message, as the browser tests do without Chromium
                throw new org.opentest4j.TestAbortedException(missing, e);
            }
            throw new IllegalStateException(missing, e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(driverEnd) && Files.exists(meterEnd))) {
            if (System.nanoTime() > deadline || !socat.isAlive()) {
                close();
                throw new IllegalStateException("socat did not create the pseudo-terminal pair");
            }
            Thread.sleep(10);
        }
    }

    /** The real device behind the link: jSerialComm is given the explicit path, as in production. */
    String driverPath() throws IOException {
        return driverEnd.toRealPath().toString();
    }

    String meterPath() throws IOException {
        return meterEnd.toRealPath().toString();
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            socat.waitFor(2, TimeUnit.SECONDS);
            Files.deleteIfExists(driverEnd);
            Files.deleteIfExists(meterEnd);
            Files.deleteIfExists(dir);
        } catch (IOException | InterruptedException ignored) {
            // best effort: a temp dir left behind harms nothing
        }
    }
}
