package app.atrium.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

/** Direct access to the local RabbitMQ for tests: publish raw messages, read dead-letter queues. */
public final class Broker implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;

    public Broker() throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(host());
        f.setPort(port());
        f.setUsername("guest");
        f.setPassword("guest");
        connection = f.newConnection("atrium-tests");
        channel = connection.createChannel();
        channel.confirmSelect();
    }

    /** The broker the tests use: local by default, ATRIUM_TEST_RABBITMQ_HOST in GitLab CI. */
    public static String host() {
        return System.getenv().getOrDefault("ATRIUM_TEST_RABBITMQ_HOST", "127.0.0.1");
    }

    public static int port() {
        return Integer.parseInt(System.getenv().getOrDefault("ATRIUM_TEST_RABBITMQ_PORT", "5672"));
    }

    public void publish(String exchange, String routingKey, String messageId, String type, String body)
            throws Exception {
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                .messageId(messageId)
                .type(type)
                .contentType("application/json")
                .deliveryMode(2)
                .headers(Map.of())
                .build();
        channel.basicPublish(exchange, routingKey, props, body.getBytes(StandardCharsets.UTF_8));
        channel.waitForConfirmsOrDie(5000);
    }

    /** Takes one message from a queue, or null. */
    public GetResponse get(String queue) throws Exception {
        return channel.basicGet(queue, true);
    }

    /** Consumers attached to a queue now (0 when the queue does not exist yet). */
    public long consumers(String queue) throws Exception {
        try (Channel c = connection.createChannel()) {
            return c.queueDeclarePassive(queue).getConsumerCount();
        } catch (java.io.IOException noSuchQueue) {
            return 0;
        }
    }

    /** Empties a queue if it exists (leftovers of an earlier run must not count in this one). */
    public void purgeIfExists(String queue) throws Exception {
        try (Channel c = connection.createChannel()) {
            c.queuePurge(queue);
        } catch (java.io.IOException noSuchQueue) {
            // nothing to purge
        }
    }

    public void purge(String queue) throws Exception {
        channel.queuePurge(queue);
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
