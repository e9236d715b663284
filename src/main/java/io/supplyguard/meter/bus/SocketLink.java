package io.supplyguard.meter.bus;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Raw bytes over TCP: to an RS-485 device server (client side, reconnecting after a failure)
 * or one accepted connection (simulator side).
 */
public final class SocketLink implements ByteLink {

    private static final int POLL_MILLIS = 20;

    private final InetSocketAddress remote;
    private final int connectTimeoutMillis;
    private final String description;
    private Socket socket;

    /** Connects lazily, and again after a failure. */
    public SocketLink(InetSocketAddress remote, int connectTimeoutMillis) {
        this.remote = remote;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.description = "tcp " + remote.getHostString() + ":" + remote.getPort();
    }

    public SocketLink(Socket accepted) throws IOException {
        this.remote = null;
        this.connectTimeoutMillis = 0;
        this.description = "tcp connection from " + accepted.getRemoteSocketAddress();
        this.socket = accepted;
        accepted.setSoTimeout(POLL_MILLIS);
        accepted.setTcpNoDelay(true);
    }

    /** {@code host:port}. */
    public static InetSocketAddress parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected host:port, got '" + hostPort + "'");
        }
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        try {
            int n = socket().getInputStream().read(buffer);
            if (n < 0) {
                throw new IOException("connection closed by " + describe());
            }
            return n;
        } catch (SocketTimeoutException pollElapsed) {
            return 0;
        } catch (IOException e) {
            dropConnection();
            throw e;
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        try {
            socket().getOutputStream().write(bytes);
            socket().getOutputStream().flush();
        } catch (IOException e) {
            dropConnection();
            throw e;
        }
    }

    @Override
    public void discardInput() throws IOException {
        InputStream in = socket().getInputStream();
        int available = in.available();
        if (available > 0) {
            in.readNBytes(available);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        dropConnection();
    }

    private Socket socket() throws IOException {
        if (socket == null) {
            if (remote == null) {
                throw new IOException("accepted connection is closed");
            }
            Socket fresh = new Socket();
            fresh.connect(remote, connectTimeoutMillis);
            fresh.setSoTimeout(POLL_MILLIS);
            fresh.setTcpNoDelay(true);
            socket = fresh;
        }
        return socket;
    }

    private void dropConnection() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken socket: nothing left to do
            }
            socket = null;
        }
    }
}
