package io.supplyguard.meter;

import io.supplyguard.meter.MeterCommandAudit.MeterFrameRecord;
import io.supplyguard.meter.bus.BusWorker;
import io.supplyguard.meter.bus.InMemoryTransport;
import io.supplyguard.meter.bus.LinkTransport;
import io.supplyguard.meter.bus.SerialLink;
import io.supplyguard.meter.dlt645.Hex;
import io.supplyguard.meter.sim.SimulatedMeters;
import io.supplyguard.meter.sim.StreamSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Commands per second per bus with wire-time emulation (the simulator sleeps bytes × 11 / baud
 * for request and reply), two in-memory buses running at once and one bus over a pseudo-terminal
 * pair through jSerialComm, against the wire-time bound: the rate if
 * the line carried nothing but the command's own frames back to back. A program, not a test;
 * the command is in docs/meter.md.
 */
public final class MeterBusBenchmark {

    private static final List<String> BUSES = List.of("bus-1", "bus-2");

    public static void main(String[] args) throws Exception {
        CliArguments.quietLogging();
        int reads = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int trips = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.printf("%-6s %-22s %-6s %9s %12s %8s%n", "baud", "command", "bus", "cmd/s", "bound cmd/s", "ratio");
        for (int baud : new int[] {2400, 9600}) {
            run(baud, "status read", reads, (control, target) -> control.readRelayStatus(target, who()));
            run(baud, "trip (4 transactions)", trips, (control, target) -> control.trip(target, who()));
        }
        System.out.println("over a pseudo-terminal pair through jSerialComm (one bus):");
        for (int baud : new int[] {2400, 9600}) {
            runOnPty(baud, "status read", reads, (control, target) -> control.readRelayStatus(target, who()));
            runOnPty(baud, "trip (4 transactions)", trips, (control, target) -> control.trip(target, who()));
        }
    }

    private static void runOnPty(int baud, String name, int count, BiFunction<BusMeterControl, MeterTarget, CommandResult> command)
            throws Exception {
        SimulatedMeters simulation = new SimulatedMeters(Clock.system(ZoneId.of("Asia/Shanghai")), List.of("bus-1"));
        simulation.bus("bus-1").setWireBaud(baud);
        InMemoryCommandAudit audit = new InMemoryCommandAudit();
        try (PseudoTerminalPair pty = new PseudoTerminalPair(); MeterBuses buses = new MeterBuses()) {
            StreamSimulator simulator = new StreamSimulator(
                    new SerialLink(SerialLink.SerialSettings.dlt645(pty.meterPath(), baud)), simulation.bus("bus-1"), false);
            Thread serving = new Thread(simulator, "benchmark-simulator");
            serving.setDaemon(true);
            serving.start();
            buses.add(new BusWorker("bus-1", new LinkTransport(new SerialLink(SerialLink.SerialSettings.dlt645(pty.driverPath(), baud))),
                    1000), Duration.ofSeconds(2));
            BusMeterControl control = new BusMeterControl(buses, audit, Clock.system(ZoneId.of("Asia/Shanghai")),
                    MeterSettings.defaults());
            Result r = measure(simulation, audit, control, "bus-1", count, baud, command);
            System.out.printf("%-6d %-22s %-6s %9.2f %12.2f %8.2f%n", baud, name, "pty", r.perSecond(),
                    r.boundPerSecond(), r.perSecond() / r.boundPerSecond());
            simulator.stop();
        }
    }

    private static void run(int baud, String name, int count, BiFunction<BusMeterControl, MeterTarget, CommandResult> command)
            throws Exception {
        SimulatedMeters simulation = new SimulatedMeters(Clock.system(ZoneId.of("Asia/Shanghai")), BUSES);
        InMemoryCommandAudit audit = new InMemoryCommandAudit();
        try (MeterBuses buses = new MeterBuses()) {
            for (String bus : BUSES) {
                simulation.bus(bus).setWireBaud(baud);
                buses.add(new BusWorker(bus, new InMemoryTransport(bus, simulation.bus(bus)), 1000), Duration.ofSeconds(2));
            }
            BusMeterControl control = new BusMeterControl(buses, audit, Clock.system(ZoneId.of("Asia/Shanghai")),
                    MeterSettings.defaults());
            List<CompletableFuture<Result>> perBus = new ArrayList<>();
            for (String bus : BUSES) {
                perBus.add(CompletableFuture.supplyAsync(() -> measure(simulation, audit, control, bus, count, baud, command)));
            }
            for (int i = 0; i < BUSES.size(); i++) {
                Result r = perBus.get(i).join();
                System.out.printf("%-6d %-22s %-6s %9.2f %12.2f %8.2f%n", baud, name, BUSES.get(i), r.perSecond(),
                        r.boundPerSecond(), r.perSecond() / r.boundPerSecond());
            }
        }
    }

    private static Result measure(SimulatedMeters simulation, InMemoryCommandAudit audit, BusMeterControl control,
                                  String bus, int count, int baud, BiFunction<BusMeterControl, MeterTarget, CommandResult> command) {
        List<MeterTarget> targets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String address = String.format("%s%06d", bus.equals("bus-1") ? "000001" : "000002", i);
            simulation.install(bus, address, address, false);
            targets.add(new MeterTarget(bus, address, address, "02", "000000", "00000000"));
        }
        long wireBytes = 0;
        long t0 = System.nanoTime();
        for (MeterTarget target : targets) {
            CommandResult result = command.apply(control, target);
            if (!result.succeeded()) {
                throw new IllegalStateException(target.address() + ": " + result);
            }
            for (MeterFrameRecord frame : audit.find(result.auditId()).frames()) {
                wireBytes += Hex.parse(frame.requestHex()).length + Hex.parse(frame.replyHex()).length;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double wireSeconds = wireBytes * 11.0 / baud;
        return new Result(count / seconds, count / wireSeconds);
    }

    private static Requester who() {
        return Requester.commissioning("benchmark");
    }

    private record Result(double perSecond, double boundPerSecond) {
    }
}
