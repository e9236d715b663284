package io.supplyguard.meter.sim;

import io.supplyguard.meter.bus.SocketLink;
import io.supplyguard.meter.bus.WireResponder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A simulated bus behind a TCP port, as an RS-485 device server presents a real one. */
public final class TcpSimulatorServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TcpSimulatorServer.class);

    private final ServerSocket server;
    private final WireResponder bus;
    private final boolean byteByByte;

    /** {@code port} 0: any free port (see {@link #port()}). */
    public TcpSimulatorServer(InetAddress bindAddress, int port, WireResponder bus, boolean byteByByte) throws IOException {
        this.server = new ServerSocket(port, 10, bindAddress);
        this.bus = bus;
        this.byteByByte = byteByByte;
        Thread acceptor = new Thread(this::acceptLoop, "meter-sim-tcp-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                Thread serving = new Thread(new StreamSimulator(new SocketLink(connection), bus, byteByByte),
                        "meter-sim-tcp-conn-" + connection.getPort());
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("simulator accept failed: {}", e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
