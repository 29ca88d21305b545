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
 * A loopback TCP proxy the application reaches a dependency through, so a test can take it away
 * (every connection dropped, new ones closed at once), stall it (a network blackhole) and bring it
 * back, as an outage would.
 */
public final class TcpProxy implements AutoCloseable {

    /** What the proxy does with traffic. */
    public enum Mode {
        /** Forwards both ways. */
        UP('U'),
        /** Drops every connection and closes new ones at once, as a stopped server would. */
        DOWN('D'),
        /**
         * A network blackhole: connections stay open but nothing arrives either way, new ones are
         * accepted and hang. Connections stuck in it stay dead after the blackhole heals (their
         * peers lost sync), as half-open TCP connections do; only new ones work again.
         */
        STALL('S');

        final char code;

        Mode(char code) {
            this.code = code;
        }

        static Mode of(int code) {
            for (Mode m : values()) {
                if (m.code == code) {
                    return m;
                }
            }
            return UP;
        }
    }

    /** One proxied connection; a dead one swallows everything. */
    private static final class Link {
        final Socket client;
        volatile Socket upstream;
        volatile boolean dead;

        Link(Socket client) {
            this.client = client;
        }
    }

    private final ServerSocket server;
    private final ServerSocket control;
    private final String upstreamHost;
    private final int upstreamPort;
    private final Set<Link> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.UP;

    public TcpProxy(String upstreamHost, int upstreamPort) throws IOException {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.control = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("tcp-proxy-accept").start(this::acceptLoop);
        Thread.ofPlatform().daemon().name("tcp-proxy-control").start(this::controlLoop);
    }

    /** Port of the control socket: send 'D' (down), 'S' (stall) or 'U' (up), read 'K' once applied. */
    public int controlPort() {
        return control.getLocalPort();
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Switches the proxy of another class loader (or process) through its control port. */
    public static void command(int controlPort, boolean up) {
        command(controlPort, up ? Mode.UP : Mode.DOWN);
    }

    public static void command(int controlPort, Mode mode) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), controlPort)) {
            s.getOutputStream().write(mode.code);
            s.getOutputStream().flush();
            if (s.getInputStream().read() != 'K') {
                throw new IOException("proxy did not acknowledge");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot switch the proxy", e);
        }
    }

    private void controlLoop() {
        while (!control.isClosed()) {
            try (Socket s = control.accept()) {
                setMode(Mode.of(s.getInputStream().read()));
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
        setMode(enabled ? Mode.UP : Mode.DOWN);
    }

    public void setMode(Mode mode) {
        this.mode = mode;
        if (mode == Mode.DOWN) {
            open.forEach(this::close);
        } else if (mode == Mode.STALL) {
            open.forEach(l -> l.dead = true);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                continue; // closed
            }
            Mode now = mode;
            if (now == Mode.DOWN) {
                closeQuietly(client);
                continue;
            }
            Link link = new Link(client);
            open.add(link);
            if (now == Mode.STALL) {
                link.dead = true;
                pump(link, client, null);
                continue;
            }
            try {
                link.upstream = new Socket(upstreamHost, upstreamPort);
            } catch (IOException e) {
                close(link); // upstream unreachable: the client sees a dropped connection
                continue;
            }
            pump(link, client, link.upstream);
            pump(link, link.upstream, client);
        }
    }

    private void pump(Link link, Socket from, Socket to) {
        Thread.ofPlatform().daemon().name("tcp-proxy-pump").start(() -> {
            byte[] buf = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to == null ? null : to.getOutputStream();
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (link.dead || out == null) {
                        continue; // a blackhole swallows it
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // connection dropped
            } finally {
                close(link);
            }
        });
    }

    private void close(Link link) {
        open.remove(link);
        closeQuietly(link.client);
        if (link.upstream != null) {
            closeQuietly(link.upstream);
        }
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
        setMode(Mode.DOWN);
        server.close();
        control.close();
    }
}
