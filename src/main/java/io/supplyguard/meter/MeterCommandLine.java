package io.supplyguard.meter;

import io.supplyguard.meter.MeterCommandAudit.MeterCommandRecord;
import io.supplyguard.meter.MeterCommandAudit.MeterFrameRecord;
import io.supplyguard.meter.bus.BusWorker;
import io.supplyguard.meter.bus.ByteLink;
import io.supplyguard.meter.bus.LinkTransport;
import io.supplyguard.meter.bus.SerialLink;
import io.supplyguard.meter.bus.SocketLink;
import io.supplyguard.meter.dlt645.Address;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * Commissioning CLI: one command to one meter on a serial port or device server, without the
 * web server, the process engine or the database. Prints the decoded result and every frame;
 * exits 0 only on success. Switching needs {@code --commissioning}: in production, switching
 * goes through the processes.
 */
public final class MeterCommandLine {

    static final String USAGE = """
            usage: meter (--port PATH | --tcp HOST:PORT) [--baud 2400] [--timeout-ms 2000]
                         [--address 12DIGITS] [--meter-no 12DIGITS]
                         [--password-level NN --password NNNNNN --operator NNNNNNNN]
                         [--zone Asia/Shanghai] [--commissioning] COMMAND
              reads:     read-address | status | meter-number | balance
              switching: trip | close | allow-close | alarm-on | alarm-off | guarantee-on | guarantee-off
                         (need --commissioning)""";

    private static final Map<String, ControlCommand> SWITCHING = Map.of(
            "trip", ControlCommand.TRIP, "close", ControlCommand.DIRECT_CLOSE, "allow-close", ControlCommand.CLOSE_ALLOWED,
            "alarm-on", ControlCommand.ALARM_ON, "alarm-off", ControlCommand.ALARM_OFF,
            "guarantee-on", ControlCommand.POWER_GUARANTEE_ON, "guarantee-off", ControlCommand.POWER_GUARANTEE_OFF);
    private static final Set<String> READS = Set.of("read-address", "status", "meter-number", "balance");
    private static final Set<String> VALUED = Set.of("--port", "--tcp", "--baud", "--timeout-ms", "--address", "--meter-no",
            "--password-level", "--password", "--operator", "--zone");
    private static final String BUS = "cli";

    private MeterCommandLine() {
    }

    /** Entry from the jar's main: the printed frames are the output, the log only warns. */
    public static void main(String[] args) {
        CliArguments.quietLogging();
        System.exit(run(args, System.out, System.err));
    }

    /** {@code args[0]} is "meter". Returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CliArguments cli;
        String command;
        try {
            cli = new CliArguments(args, 1, VALUED, Set.of("--commissioning"));
            command = command(cli);
        } catch (CliArguments.UsageException e) {
            err.println("meter: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (SWITCHING.containsKey(command)) {
            if (!cli.flag("--commissioning")) {
                err.println("meter: " + command + " switches a customer's supply; add --commissioning to confirm this is commissioning work");
                return 2;
            }
            err.println("WARNING: switching a meter outside any process. In production, switching goes through the "
                    + "disconnection and reconnection processes; this command is for commissioning only.");
        }
        InMemoryCommandAudit audit = new InMemoryCommandAudit();
        try (MeterBuses buses = new MeterBuses()) {
            buses.add(new BusWorker(BUS, new LinkTransport(link(cli)), 4), Duration.ofMillis(cli.integer("--timeout-ms", 2000)));
            BusMeterControl control = new BusMeterControl(buses, audit,
                    Clock.system(ZoneId.of(cli.get("--zone", "Asia/Shanghai"))), MeterSettings.defaults());
            Requester requester = Requester.commissioning(System.getProperty("user.name"));
            boolean ok = command.equals("read-address") ? print(control.readAddress(BUS, requester), out)
                    : print(execute(control, command, target(cli), requester), out);
            audit.listForMeter(cli.get("--address", Address.WILDCARD)).forEach(r -> printFrames(r, out));
            return ok ? 0 : 1;
        } catch (CliArguments.UsageException | IllegalArgumentException e) {
            err.println("meter: " + e.getMessage());
            return 2;
        }
    }

    private static String command(CliArguments cli) {
        if (cli.positional().size() != 1) {
            throw new CliArguments.UsageException("exactly one COMMAND expected, got " + cli.positional());
        }
        String command = cli.positional().get(0);
        if (!READS.contains(command) && !SWITCHING.containsKey(command)) {
            throw new CliArguments.UsageException("unknown command " + command);
        }
        if ((cli.get("--port") == null) == (cli.get("--tcp") == null)) {
            throw new CliArguments.UsageException("give exactly one of --port and --tcp");
        }
        if (!command.equals("read-address")) {
            cli.required("--address");
        }
        return command;
    }

    private static ByteLink link(CliArguments cli) {
        if (cli.get("--port") != null) {
            return new SerialLink(SerialLink.SerialSettings.dlt645(cli.get("--port"), cli.integer("--baud", 2400)));
        }
        return new SocketLink(SocketLink.parse(cli.get("--tcp")), 3000);
    }

    private static MeterTarget target(CliArguments cli) {
        return new MeterTarget(BUS, cli.get("--address"), cli.get("--meter-no"), cli.get("--password-level", "02"),
                cli.get("--password", "000000"), cli.get("--operator", "00000000"));
    }

    private static CommandResult execute(BusMeterControl control, String command, MeterTarget target, Requester requester) {
        return switch (command) {
            case "status" -> control.readRelayStatus(target, requester);
            case "meter-number" -> control.readMeterNumber(target, requester);
            case "balance" -> control.readRemainingMoney(target, requester);
            default -> control.execute(target, SWITCHING.get(command), requester);
        };
    }

    private static boolean print(CommandResult result, PrintStream out) {
        out.println("result: " + result.outcome() + (result.reason() == null ? "" : " (" + result.reason() + ")"));
        if (result.status() != null) {
            RelayStatus s = result.status();
            out.printf("status: relay %s, relay command %s, pre-trip alarm %s, power guarantee %s%n",
                    s.relayOpen() ? "OPEN" : "CLOSED", s.commandOpen() ? "OPEN" : "CLOSED",
                    s.preTripAlarm() ? "ON" : "off", s.powerGuarantee() ? "ON" : "off");
        }
        if (result.meterNo() != null) {
            out.println("meter number: " + result.meterNo());
        }
        if (result.remainingMoney() != null) {
            out.println("remaining money: " + result.remainingMoney());
        }
        return result.succeeded();
    }

    private static boolean print(MeterCommissioning.AddressReading reading, PrintStream out) {
        out.println("result: " + reading.outcome() + (reading.reason() == null ? "" : " (" + reading.reason() + ")"));
        if (reading.address() != null) {
            out.println("address: " + reading.address());
        }
        return reading.succeeded();
    }

    private static void printFrames(MeterCommandRecord record, PrintStream out) {
        for (MeterFrameRecord frame : record.frames()) {
            out.printf("%s #%d (%d ms): %s%n  -> %s%n  <- %s%n", frame.step(), frame.attempt(), frame.durationMillis(),
                    frame.result(), frame.requestHex(), frame.replyHex().isEmpty() ? "(nothing)" : frame.replyHex());
        }
    }
}
