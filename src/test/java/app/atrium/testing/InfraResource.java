package app.atrium.testing;

import java.io.IOException;
import java.util.Map;

import jakarta.activation.CommandMap;
import jakarta.activation.MailcapCommandMap;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Shared by every {@code @QuarkusTest} (one application start): forks s3proxy, and puts a
 * switchable TCP proxy in front of RabbitMQ, Redis and s3proxy so a test can take a dependency
 * away and give it back, as an outage would. PostgreSQL is the local server.
 */
@QuarkusTestResource(value = InfraResource.class, restrictToAnnotatedClass = false)
public class InfraResource implements QuarkusTestResourceLifecycleManager {

    /** The dependencies a test can take away. */
    public enum Dependency {
        RABBITMQ,
        REDIS,
        STORAGE
    }

    private S3ProxyProcess s3;
    private TcpProxy rabbit;
    private TcpProxy redis;
    private TcpProxy storage;
    private GreenMail mail;
    /**
     * True in failsafe's JVM (pom.xml sets {@code atrium.test.packaged}), which runs only the
     * {@code @QuarkusIntegrationTest} suites: the application is then the packaged jar or native
     * binary in the prod profile, started by Quarkus with what {@link #start()} returns. (Quarkus
     * hands resources the same context for both kinds of test, so the build says which it is.)
     */
    private final boolean packaged = Boolean.getBoolean("atrium.test.packaged");

    @Override
    public Map<String, String> start() {
        s3 = S3ProxyProcess.start();
        // A real SMTP server (and IMAP, for the tests to read what was sent): Mailbox reads it.
        preferJakartaMailHandlers();
        int smtpPort = TcpProxy.freePort();
        int imapPort = TcpProxy.freePort();
        mail = new GreenMail(new ServerSetup[] { new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) })
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        System.setProperty(Mailbox.IMAP_PORT_PROPERTY, String.valueOf(imapPort));
        try {
            rabbit = new TcpProxy(Broker.host(), Broker.port());
            redis = new TcpProxy(LocalServices.redisHost(), 6379);
            storage = new TcpProxy("127.0.0.1", s3.port());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // Plain string properties: the test class may live in another class loader than this resource.
        System.setProperty(key(Dependency.RABBITMQ), String.valueOf(rabbit.controlPort()));
        System.setProperty(key(Dependency.REDIS), String.valueOf(redis.controlPort()));
        System.setProperty(key(Dependency.STORAGE), String.valueOf(storage.controlPort()));
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "quarkus.s3.endpoint-override", "http://127.0.0.1:" + storage.port(),
                "rabbitmq-port", String.valueOf(rabbit.port()),
                "quarkus.redis.hosts", "redis://127.0.0.1:" + redis.port() + "/1",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(smtpPort)));
        if (packaged) {
            config.putAll(PackagedApp.prodConfig(redis.port()));
        }
        return config;
    }

    @Override
    public void stop() {
        for (Dependency d : Dependency.values()) {
            System.clearProperty(key(d));
        }
        for (TcpProxy p : new TcpProxy[] { rabbit, redis, storage }) {
            try {
                if (p != null) {
                    p.close();
                }
            } catch (IOException e) {
                // ignore
            }
        }
        if (s3 != null) {
            s3.close();
        }
        if (mail != null) {
            mail.stop();
        }
        System.clearProperty(Mailbox.IMAP_PORT_PROPERTY);
        if (packaged) {
            PackagedApp.clear();
        }
    }

    /**
     * GreenMail parses what it receives with Jakarta Mail. The request validator drags in the old
     * javax.mail, whose META-INF/mailcap names javax handlers; which mailcap wins depends on the
     * class loader of whichever thread first asks. Programmatic entries always win, so name the
     * Jakarta ones here.
     */
    private static void preferJakartaMailHandlers() {
        MailcapCommandMap map = new MailcapCommandMap();
        String h = "x-java-content-handler=org.eclipse.angus.mail.handlers.";
        map.addMailcap("text/plain;; " + h + "text_plain");
        map.addMailcap("text/html;; " + h + "text_html");
        map.addMailcap("text/xml;; " + h + "text_xml");
        map.addMailcap("multipart/*;; " + h + "multipart_mixed; x-java-fallback-entry=true");
        map.addMailcap("message/rfc822;; " + h + "message_rfc822");
        CommandMap.setDefaultCommandMap(map);
    }

    /** Takes a dependency away from the application (true) or gives it back (false). */
    public static void outage(Dependency dependency, boolean down) {
        String port = System.getProperty(key(dependency));
        if (port == null) {
            throw new IllegalStateException("InfraResource not started");
        }
        TcpProxy.command(Integer.parseInt(port), !down);
    }

    /**
     * A network blackhole in front of a dependency (true): it neither answers nor refuses; false
     * heals it, after which the connections that were stuck in it stay dead (half-open).
     */
    public static void blackhole(Dependency dependency, boolean on) {
        String port = System.getProperty(key(dependency));
        if (port == null) {
            throw new IllegalStateException("InfraResource not started");
        }
        TcpProxy.command(Integer.parseInt(port), on ? TcpProxy.Mode.STALL : TcpProxy.Mode.UP);
    }

    public static void brokerOutage(boolean down) {
        outage(Dependency.RABBITMQ, down);
    }

    private static String key(Dependency d) {
        return "atrium.test.proxy-control." + d.name().toLowerCase();
    }

}
