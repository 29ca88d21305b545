package app.atrium.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy the application reaches RabbitMQ through, so a test can take the broker
 * away (every connection dropped, new ones closed at once) and bring it back, as an outage would.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final ServerSocket control;
    private final String upstreamHost;
    private final int upstreamPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean enabled = true;

    public TcpProxy(String upstreamHost, int upstreamPort) throws IOException {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.control = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("tcp-proxy-accept").start(this::acceptLoop);
        Thread.ofPlatform().daemon().name("tcp-proxy-control").start(this::controlLoop);
    }

    /** Port of the control socket: send 'D' (down) or 'U' (up), read 'K' once applied. */
    public int controlPort() {
        return control.getLocalPort();
    }

    /** Switches the proxy of another class loader (or process) through its control port. */
    /** A port nobody listens on right now. */
    public static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void command(int controlPort, boolean up) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), controlPort)) {
            s.getOutputStream().write(up ? 'U' : 'D');
            s.getOutputStream().flush();
            if (s.getInputStream().read() != 'K') {
                throw new IOException("proxy did not acknowledge");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot switch the broker proxy", e);
        }
    }

    private void controlLoop() {
        while (!control.isClosed()) {
            try (Socket s = control.accept()) {
                int c = s.getInputStream().read();
                setEnabled(c == 'U');
                s.getOutputStream().write('K');
                s.getOutputStream().flush();
            } catch (IOException e) {
                // closed
            }
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        if (!enabled) {
            open.forEach(TcpProxy::closeQuietly);
            open.clear();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!enabled) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(upstreamHost, upstreamPort);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // closed or upstream unreachable: the client sees a dropped connection
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread.ofPlatform().daemon().name("tcp-proxy-pump").start(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // connection dropped
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // ignore
        }
    }

    @Override
    public void close() throws IOException {
        setEnabled(false);
        server.close();
        control.close();
    }
}
