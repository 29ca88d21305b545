package app.atrium.testing;

import java.io.IOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Shared by every {@code @QuarkusTest} (one application start): forks s3proxy and puts a
 * switchable TCP proxy in front of the local RabbitMQ. PostgreSQL and Redis are the local servers.
 */
@QuarkusTestResource(value = InfraResource.class, restrictToAnnotatedClass = false)
public class InfraResource implements QuarkusTestResourceLifecycleManager {

    /** System property holding the broker proxy's control port (plain string: any class loader reads it). */
    public static final String BROKER_CONTROL_PORT = "atrium.test.broker-control-port";

    private S3ProxyProcess s3;
    private TcpProxy rabbit;

    @Override
    public Map<String, String> start() {
        s3 = S3ProxyProcess.start();
        try {
            rabbit = new TcpProxy(Broker.host(), Broker.port());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        System.setProperty(BROKER_CONTROL_PORT, String.valueOf(rabbit.controlPort()));
        return Map.of(
                "quarkus.s3.endpoint-override", s3.endpoint(),
                "rabbitmq-port", String.valueOf(rabbit.port()));
    }

    @Override
    public void stop() {
        System.clearProperty(BROKER_CONTROL_PORT);
        try {
            if (rabbit != null) {
                rabbit.close();
            }
        } catch (IOException e) {
            // ignore
        }
        if (s3 != null) {
            s3.close();
        }
    }

    /** Takes the broker away from the application (true) or gives it back (false). */
    public static void brokerOutage(boolean down) {
        String port = System.getProperty(BROKER_CONTROL_PORT);
        if (port == null) {
            throw new IllegalStateException("InfraResource not started");
        }
        TcpProxy.command(Integer.parseInt(port), !down);
    }
}
