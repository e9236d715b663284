package io.supplyguard.meter.sim;

import io.supplyguard.meter.bus.SocketLink;
import io.supplyguard.meter.bus.WireResponder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated bus behind a TCP port, as an RS-485 device server presents a real one. It accepts
 * several connections (so a test can see two nodes talk at once) onto one {@link SharedLine}.
 */
public final class TcpSimulatorServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TcpSimulatorServer.class);

    private final ServerSocket server;
    private final WireResponder bus;
    private final boolean byteByByte;
    private final SharedLine line;

    /** {@code port} 0: any free port (see {@link #port()}). */
    public TcpSimulatorServer(InetAddress bindAddress, int port, WireResponder bus, boolean byteByByte) throws IOException {
        this(bindAddress, port, bus, byteByByte, null);
    }

    /** Connections share one half-duplex line: overlapping transactions are collisions, logged to {@code collisionLog}. */
    public TcpSimulatorServer(InetAddress bindAddress, int port, WireResponder bus, boolean byteByByte, FrameLog collisionLog)
            throws IOException {
        this.server = new ServerSocket(port, 10, bindAddress);
        this.bus = bus;
        this.byteByByte = byteByByte;
        this.line = new SharedLine(collisionLog);
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
                Thread serving = new Thread(new StreamSimulator(new SocketLink(connection), bus, byteByByte, line),
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

    /** Requests that began while another connection's transaction was on the line. */
    public long collisions() {
        return line.collisions();
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
