package io.supplyguard.meter;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.meter.MeterSimulation.SimulatedFault;
import io.supplyguard.meter.bus.BusWorker;
import io.supplyguard.meter.bus.LinkTransport;
import io.supplyguard.meter.bus.SocketLink;
import io.supplyguard.meter.sim.SimulatedMeters;
import io.supplyguard.meter.sim.TcpSimulatorServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The driver talking raw DL/T 645 bytes to a device server on loopback (the simulator behind it). */
class TcpTransportTest {

    static final String A = "000000300001";
    static final Requester COMMISSIONING = Requester.commissioning("installer");

    final SimulatedMeters simulation = new SimulatedMeters(Clock.system(SimulatedBusFixture.SHANGHAI), List.of("bus-tcp"));
    final MeterBuses buses = new MeterBuses();
    final InMemoryCommandAudit audit = new InMemoryCommandAudit();
    TcpSimulatorServer server;

    @AfterEach
    void close() {
        buses.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void tripAndReadBackOverTcpWithRepliesInFragments() throws Exception {
        BusMeterControl control = connect(true);
        simulation.install("bus-tcp", A, A, false);

        CommandResult result = control.trip(target(), COMMISSIONING);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.CONFIRMED);
        assertThat(simulation.status("bus-tcp", A).relayOpen()).isTrue();
        assertThat(control.directClose(target(), COMMISSIONING).outcome()).isEqualTo(CommandOutcome.CONFIRMED);
    }

    @Test
    void theSimulatorSurvivesAClientThatHangsUp() throws Exception {
        BusMeterControl control = connect(false);
        simulation.install("bus-tcp", A, A, false);
        assertThat(control.readRelayStatus(target(), COMMISSIONING).outcome()).isEqualTo(CommandOutcome.CONFIRMED);

        buses.worker("bus-tcp").close(); // the client hangs up
        BusMeterControl reconnected = driverFor(server.port());

        assertThat(reconnected.readRelayStatus(target(), COMMISSIONING).outcome()).isEqualTo(CommandOutcome.CONFIRMED);
    }

    @Test
    void faultsSurviveTheDeviceServer() throws Exception {
        BusMeterControl control = connect(false);
        simulation.install("bus-tcp", A, A, false);

        simulation.injectFault("bus-tcp", A, SimulatedFault.SILENT, Integer.MAX_VALUE);
        assertThat(control.readRelayStatus(target(), COMMISSIONING).outcome()).isEqualTo(CommandOutcome.NO_RESPONSE);
        simulation.clearFaults("bus-tcp", A);
        simulation.injectFault("bus-tcp", A, SimulatedFault.GARBLED, Integer.MAX_VALUE);
        assertThat(control.readRelayStatus(target(), COMMISSIONING).outcome()).isEqualTo(CommandOutcome.CORRUPT_REPLY);
        simulation.clearFaults("bus-tcp", A);
        assertThat(control.readRelayStatus(target(), COMMISSIONING).outcome()).isEqualTo(CommandOutcome.CONFIRMED);
    }

    @Test
    void aDeviceServerThatIsDownIsNoResponseAndReconnectsWhenBack() throws Exception {
        simulation.install("bus-tcp", A, A, false);
        int port;
        BusMeterControl control;
        // a bound socket that does not listen: connections are refused, and no other process
        // on this shared machine can take the port meanwhile
        try (Socket placeholder = new Socket()) {
            placeholder.setReuseAddress(false);
            placeholder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = placeholder.getLocalPort();
            control = driverFor(port);

            CommandResult down = control.readRelayStatus(target(), COMMISSIONING);
            assertThat(down.outcome()).isEqualTo(CommandOutcome.NO_RESPONSE);
            assertThat(down.reason()).startsWith("transport failed");
        }

        server = new TcpSimulatorServer(InetAddress.getLoopbackAddress(), port, simulation.bus("bus-tcp"), false);
        assertThat(control.readRelayStatus(target(), COMMISSIONING).outcome()).isEqualTo(CommandOutcome.CONFIRMED);
    }

    @Test
    void twoClientsOnTheLineAtOnceAreCountedAsCollisionsOneAfterTheOtherAreNot() throws Exception {
        simulation.install("bus-tcp", A, A, false);
        simulation.setLatency("bus-tcp", Duration.ofMillis(150)); // each transaction holds the line a while
        server = new TcpSimulatorServer(InetAddress.getLoopbackAddress(), 0, simulation.bus("bus-tcp"), false, null);
        BusMeterControl first = driverFor(server.port());
        try (MeterBuses secondNode = new MeterBuses()) {
            var link = new SocketLink(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 1000);
            secondNode.add(new BusWorker("bus-tcp", new LinkTransport(link), 50), Duration.ofMillis(600));
            BusMeterControl second = new BusMeterControl(secondNode, audit, Clock.system(SimulatedBusFixture.SHANGHAI),
                    MeterSettings.defaults());

            first.readRelayStatus(target(), COMMISSIONING);
            second.readRelayStatus(target(), COMMISSIONING);
            assertThat(server.collisions()).as("one after the other").isZero();

            // both at once (a few rounds: on a loaded machine one thread may start after the other has finished)
            for (int round = 0; round < 10 && server.collisions() == 0; round++) {
                var together = java.util.concurrent.CompletableFuture.runAsync(() -> second.readRelayStatus(target(), COMMISSIONING));
                first.readRelayStatus(target(), COMMISSIONING);
                together.join();
            }
            assertThat(server.collisions()).as("both on the line at once").isPositive();
        }
    }

    private BusMeterControl connect(boolean byteByByte) throws Exception {
        server = new TcpSimulatorServer(InetAddress.getLoopbackAddress(), 0, simulation.bus("bus-tcp"), byteByByte);
        return driverFor(server.port());
    }

    private BusMeterControl driverFor(int port) {
        var link = new SocketLink(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        buses.add(new BusWorker("bus-tcp", new LinkTransport(link), 50), Duration.ofMillis(300));
        return new BusMeterControl(buses, audit, Clock.system(SimulatedBusFixture.SHANGHAI), new MeterSettings(
                Duration.ofMillis(500), Duration.ofMillis(50), Duration.ofMinutes(5), 1, Duration.ofMillis(10)));
    }

    private static MeterTarget target() {
        return new MeterTarget("bus-tcp", A, A, "02", "000000", "00000000");
    }
}
