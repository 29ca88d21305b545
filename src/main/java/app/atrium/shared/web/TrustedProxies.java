package app.atrium.shared.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.net.CidrAddress;
import io.smallrye.common.net.Inet;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The proxies (the ingress) whose {@code X-Forwarded-For} is believed, as IP addresses and CIDR
 * ranges only. A host name would cost a DNS look-up on every request (Quarkus resolves it per
 * request; a bare {@code ::1} is read as the host name ":"), so the process refuses to start with
 * one. The client address is the right-most {@code X-Forwarded-For} entry that is not a trusted
 * proxy — the one the outermost trusted proxy appended — so a client cannot choose its own
 * address by sending the header itself.
 */
@Singleton
public class TrustedProxies {

    public static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<CidrAddress> trusted;

    @Inject
    TrustedProxies(HttpConfig config) {
        this(config.trustedProxies());
    }

    TrustedProxies(List<String> entries) {
        this.trusted = parse(entries);
    }

    /**
     * Constructed at start, so a bad entry stops it with the message from {@link #parse}. The list
     * Quarkus itself uses (scheme and host of absolute URLs) is checked by the same rule, in case
     * it was set on its own ({@code QUARKUS_HTTP_PROXY_TRUSTED_PROXIES}).
     */
    void onStart(@Observes StartupEvent event) {
        ConfigProvider.getConfig().getOptionalValues("quarkus.http.proxy.trusted-proxies", String.class)
                .ifPresent(TrustedProxies::parse);
    }

    /** Parses IP addresses and CIDR ranges; anything else (a host name) is refused. */
    static List<CidrAddress> parse(List<String> entries) {
        List<CidrAddress> out = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            CidrAddress cidr = null;
            if (!entry.contains("/") && entry.contains(":")) {
                throw new IllegalStateException("Refusing to start: trusted proxy '" + entry + "' is a bare IPv6 "
                        + "address; write it as a CIDR range (e.g. ::1/128). Quarkus reads a bare one as a host name "
                        + "and would look it up in DNS on every request.");
            }
            if (entry.contains("/")) {
                cidr = Inet.parseCidrAddress(entry);
            } else {
                InetAddress address = Inet.parseInetAddress(entry);
                if (address != null) {
                    cidr = CidrAddress.create(address, address.getAddress().length * 8);
                }
            }
            if (cidr == null) {
                throw new IllegalStateException("Refusing to start: trusted proxy '" + entry + "' is not an IP address "
                        + "or CIDR range (ATRIUM_TRUSTED_PROXIES, e.g. 10.0.0.0/8,127.0.0.1/32,::1/128). Host names "
                        + "would need a DNS look-up on every request.");
            }
            out.add(cidr);
        }
        return List.copyOf(out);
    }

    public boolean trusts(InetAddress address) {
        return address != null && trusted.stream().anyMatch(c -> c.matches(address));
    }

    /**
     * The client's address: the socket peer, or, when the peer is a trusted proxy, the last
     * {@code X-Forwarded-For} entry that is an IP literal. Never a name look-up.
     */
    public String clientAddress(HttpServerRequest request) {
        SocketAddress socket = request.connection() == null ? request.remoteAddress()
                : request.connection().remoteAddress();
        if (socket == null) {
            return "unknown";
        }
        String peer = socket.hostAddress();
        InetAddress peerAddress = peer == null ? null : Inet.parseInetAddress(stripBrackets(peer));
        if (peerAddress == null) {
            return peer == null ? "unknown" : peer;
        }
        if (trusts(peerAddress)) {
            String forwarded = clientFrom(request.headers().getAll(FORWARDED_FOR));
            if (forwarded != null) {
                return forwarded;
            }
        }
        return text(peerAddress);
    }

    /**
     * The client in a (possibly repeated) {@code X-Forwarded-For} header sent by a trusted proxy:
     * read from the right, skipping hops that are trusted proxies themselves (a load balancer in
     * front of the ingress), the first other address is the client. Anything left of it was
     * written by the client and is ignored. An entry that is not an IP literal ends the walk (the
     * last trusted hop is the best we know); null when nothing usable is there.
     */
    String clientFrom(List<String> values) {
        String candidate = null;
        for (int i = values.size() - 1; i >= 0; i--) {
            String[] parts = values.get(i).split(",");
            for (int j = parts.length - 1; j >= 0; j--) {
                String part = parts[j].trim();
                if (part.isEmpty()) {
                    continue;
                }
                InetAddress address = Inet.parseInetAddress(withoutPort(part));
                if (address == null) {
                    return candidate;
                }
                candidate = text(address);
                if (!trusts(address)) {
                    return candidate;
                }
            }
        }
        return candidate;
    }

    /** The address as text, without the scope suffix ("%0") a parsed IPv6 literal carries. */
    private static String text(InetAddress address) {
        String s = address.getHostAddress();
        int scope = s.indexOf('%');
        return scope < 0 ? s : s.substring(0, scope);
    }

    private static String withoutPort(String s) {
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            return end < 0 ? s : s.substring(1, end);
        }
        int colon = s.indexOf(':');
        // one colon: IPv4 with a port; several: a bare IPv6 address
        return colon > 0 && colon == s.lastIndexOf(':') ? s.substring(0, colon) : s;
    }

    private static String stripBrackets(String s) {
        return s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
    }
}
