package io.supplyguard.meter;

import io.supplyguard.meter.bus.SerialLink;
import io.supplyguard.meter.sim.FrameLog;
import io.supplyguard.meter.sim.SimulatedBus;
import io.supplyguard.meter.sim.SimulatedMeters;
import io.supplyguard.meter.sim.StreamSimulator;
import io.supplyguard.meter.sim.TcpSimulatorServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Standalone meter simulator: many meters on one bus, served on a serial port (e.g. one end
 * of a socat pty pair) or as a TCP device server, until the process is stopped.
 */
public final class SimulatorCommandLine {

    static final String USAGE = """
            usage: simulator (--port PATH | --tcp-listen [HOST:]PORT) [--meters 10] [--first-address 000000100001]
                             [--baud 2400] [--wire-time] [--byte-by-byte] [--open] [--zone Asia/Shanghai]
                             [--frame-log PATH]
              --wire-time     reply only after bytes x 11 / baud (a pty or TCP carries bytes at no baud rate)
              --byte-by-byte  write replies one byte at a time, as a slow UART delivers them
              --open          meters start with the relay open
              --frame-log     append every request frame received to PATH (instant address function n1 hex); over
                              TCP also every collision: a request begun while another connection's transaction
                              was on the line (instant COLLISION connection)""";

    private static final Set<String> VALUED = Set.of("--port", "--tcp-listen", "--meters", "--first-address", "--baud", "--zone",
            "--frame-log");
    private static final Set<String> FLAGS = Set.of("--wire-time", "--byte-by-byte", "--open");
    private static final String BUS = "sim";

    private SimulatorCommandLine() {
    }

    public static void main(String[] args) {
        CliArguments.quietLogging();
        System.exit(run(args, System.out, System.err));
    }

    /** {@code args[0]} is "simulator". Serves until the JVM stops; returns an exit code only on a usage error. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try (Running running = start(args, out)) {
            running.awaitEnd();
            err.println("simulator: the serial link closed");
            return 1;
        } catch (CliArguments.UsageException | IllegalArgumentException e) {
            err.println("simulator: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            err.println("simulator: " + e.getMessage());
            return 1;
        }
    }

    /** Starts serving and returns the handle that stops it. */
    static Running start(String[] args, PrintStream out) throws IOException {
        CliArguments cli = new CliArguments(args, 1, VALUED, FLAGS);
        if ((cli.get("--port") == null) == (cli.get("--tcp-listen") == null)) {
            throw new CliArguments.UsageException("give exactly one of --port and --tcp-listen");
        }
        SimulatedMeters meters = new SimulatedMeters(Clock.system(ZoneId.of(cli.get("--zone", "Asia/Shanghai"))), List.of(BUS));
        SimulatedBus bus = meters.bus(BUS);
        int baud = cli.integer("--baud", 2400);
        FrameLog frameLog = cli.get("--frame-log") == null ? null : new FrameLog(Path.of(cli.get("--frame-log")));
        if (frameLog != null) {
            bus.logFramesTo(frameLog);
        }
        if (cli.flag("--wire-time")) {
            bus.setWireBaud(baud);
        }
        long first = Long.parseLong(cli.get("--first-address", "000000100001"));
        int count = cli.integer("--meters", 10);
        for (int i = 0; i < count; i++) {
            String address = String.format("%012d", first + i);
            meters.install(BUS, address, address, cli.flag("--open"));
        }
        String range = String.format("%012d..%012d", first, first + count - 1);
        boolean byteByByte = cli.flag("--byte-by-byte");
        if (cli.get("--port") != null) {
            StreamSimulator simulator = new StreamSimulator(
                    new SerialLink(SerialLink.SerialSettings.dlt645(cli.get("--port"), baud)), bus, byteByByte);
            Thread serving = new Thread(simulator, "meter-simulator");
            serving.setDaemon(true);
            serving.start();
            out.println("simulating " + count + " meters " + range + " on serial " + cli.get("--port") + " at " + baud + " baud");
            return new Running(simulator::stop, serving);
        }
        String listen = cli.get("--tcp-listen");
        int colon = listen.lastIndexOf(':');
        InetAddress host = colon < 0 ? InetAddress.getLoopbackAddress() : InetAddress.getByName(listen.substring(0, colon));
        TcpSimulatorServer server = new TcpSimulatorServer(host, Integer.parseInt(listen.substring(colon + 1)), bus, byteByByte,
                frameLog);
        out.println("simulating " + count + " meters " + range + " on tcp " + host.getHostAddress() + ":" + server.port());
        return new Running(server::close, null);
    }

    /** A serving simulator: a TCP server runs until the JVM stops, a serial one until its link closes. */
    record Running(Runnable stop, Thread serialServing) implements AutoCloseable {

        void awaitEnd() throws InterruptedException {
            (serialServing != null ? serialServing : Thread.currentThread()).join();
        }

        @Override
        public void close() {
            stop.run();
        }
    }
}
