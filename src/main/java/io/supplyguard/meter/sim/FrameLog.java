package io.supplyguard.meter.sim;

import io.supplyguard.meter.MeterSimulation.ReceivedFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * The standalone simulator's record of the frames it received ({@code simulator --frame-log PATH}),
 * one line per frame — {@code instant address function n1 hex} — written before the frame is
 * answered, so another process (a test that killed the application) can compare it with the audit.
 * A TCP simulator also logs each collision ({@code instant COLLISION connection}; not a frame line).
 */
public final class FrameLog {

    private final Path file;

    public FrameLog(Path file) {
        this.file = file;
    }

    synchronized void append(ReceivedFrame frame) {
        String line = frame.receivedAt() + " " + frame.address() + " " + frame.function() + " " + frame.n1() + " "
                + frame.hex() + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("frame log " + file, e);
        }
    }

    /** A request that began while another connection's transaction was on the line ({@link SharedLine}). */
    synchronized void collision(Instant at, String connection) {
        try {
            Files.writeString(file, at + " COLLISION " + connection.replace(' ', '_') + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("frame log " + file, e);
        }
    }

    /** How many collisions the simulator logged. */
    public static long collisions(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        return Files.readAllLines(file, StandardCharsets.US_ASCII).stream().filter(l -> l.contains(" COLLISION ")).count();
    }

    /** The frames logged so far, in order of arrival (a line being written is left out). */
    public static List<ReceivedFrame> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                .map(line -> line.split(" "))
                .filter(fields -> fields.length == 5)
                .map(f -> new ReceivedFrame(Instant.parse(f[0]), f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4]))
                .toList();
    }
}
