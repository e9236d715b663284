package io.supplyguard.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The commissioning CLI against the standalone simulator on loopback TCP. */
class CommandLineTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    SimulatorCommandLine.Running simulator;
    String tcp;

    @BeforeEach
    void startSimulator() throws Exception {
        var banner = new ByteArrayOutputStream();
        simulator = SimulatorCommandLine.start(new String[] {"simulator", "--tcp-listen", "0", "--meters", "3",
                "--first-address", "000000100001", "--byte-by-byte"}, new PrintStream(banner, true, StandardCharsets.UTF_8));
        Matcher port = Pattern.compile("on tcp ([0-9.]+:\\d+)").matcher(banner.toString(StandardCharsets.UTF_8));
        assertThat(port.find()).isTrue();
        tcp = port.group(1);
    }

    @AfterEach
    void stopSimulator() throws Exception {
        simulator.close();
    }

    @Test
    void statusPrintsTheDecodedResultAndBothFrames() {
        int exit = meter("--address", "000000100002", "status");

        assertThat(exit).isZero();
        assertThat(stdout()).contains("result: CONFIRMED", "relay CLOSED", "READ_STATUS #1",
                "-> FE FE FE FE 68 02 00 10 00 00 00 68 11 04 36 38 33 37", "<- ", "68 02 00 10 00 00 00 68 91 06");
    }

    @Test
    void balanceAndMeterNumberAreRead() {
        assertThat(meter("--address", "000000100001", "balance")).isZero();
        assertThat(stdout()).contains("remaining money: 100.00");
        assertThat(meter("--address", "000000100001", "--meter-no", "000000100001", "meter-number")).isZero();
        assertThat(stdout()).contains("meter number: 000000100001");
    }

    @Test
    void switchingNeedsTheCommissioningFlagAndWarns() {
        assertThat(meter("--address", "000000100001", "trip")).isEqualTo(2);
        assertThat(stderr()).contains("--commissioning");

        assertThat(meter("--address", "000000100001", "--commissioning", "trip")).isZero();
        assertThat(stderr()).contains("WARNING");
        assertThat(stdout()).contains("result: CONFIRMED", "relay OPEN", "CONTROL_TRIP #1");
        assertThat(meter("--address", "000000100001", "--commissioning", "close")).isZero();
    }

    @Test
    void aMeterThatIsNotThereExitsNonZero() {
        assertThat(meter("--address", "000000999999", "--timeout-ms", "200", "status")).isEqualTo(1);
        assertThat(stdout()).contains("result: NO_RESPONSE", "(nothing)");
    }

    @Test
    void readAddressNeedsASingleMeterOnTheLine() {
        assertThat(meter("--timeout-ms", "200", "read-address")).isEqualTo(1);
        assertThat(stdout()).contains("READ_ADDRESS", "68 AA AA AA AA AA AA 68 13 00 DF 16");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(MeterCommandLine.run(new String[] {"meter", "status"}, print(out), print(err))).isEqualTo(2);
        assertThat(MeterCommandLine.run(new String[] {"meter", "--tcp", tcp, "--address", "1", "explode"}, print(out), print(err)))
                .isEqualTo(2);
        assertThat(stderr()).contains("unknown command explode", "usage: meter");
    }

    private int meter(String... args) {
        out.reset();
        err.reset();
        String[] full = new String[args.length + 3];
        full[0] = "meter";
        full[1] = "--tcp";
        full[2] = tcp;
        System.arraycopy(args, 0, full, 3, args.length);
        return MeterCommandLine.run(full, print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream target) {
        return new PrintStream(target, true, StandardCharsets.UTF_8);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
