package app.atrium.shared.dev;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Which services dev mode takes (ADR 0018); the embedded ones are proven by scripts/dev-smoke. */
class DevServicesSourceTest {

    private static SmallRyeConfig config(String profile, String mode) {
        return new SmallRyeConfigBuilder().withProfile(profile).withDefaultValue("atrium.dev.services", mode)
                .withSources(new DevServicesSource()).build();
    }

    @Test
    void outsideDevModeItGivesNothing() {
        for (String profile : new String[] { "prod", "test", "analysis-worker" }) {
            SmallRyeConfig c = config(profile, "auto");
            assertThat(c.getOptionalValue("quarkus.datasource.jdbc.url", String.class)).as(profile).isEmpty();
            assertThat(c.getOptionalValue("quarkus.redis.hosts", String.class)).as(profile).isEmpty();
            assertThat(c.getOptionalValue("rabbitmq-port", String.class)).as(profile).isEmpty();
        }
    }

    @Test
    void offGivesNothing() {
        assertThat(config("dev", "off").getOptionalValue("quarkus.datasource.jdbc.url", String.class)).isEmpty();
    }

    @Test
    void theLocalServicesAreTakenWhenTheyAnswer() {
        // The build machine runs PostgreSQL, Redis and RabbitMQ on their standard ports (.ci/run).
        SmallRyeConfig c = config("dev", "local");
        assertThat(c.getValue("quarkus.datasource.jdbc.url", String.class))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=atrium_dev");
        assertThat(c.getValue("quarkus.redis.hosts", String.class)).isEqualTo("redis://127.0.0.1:6379/0");
        assertThat(c.getValue("rabbitmq-port", String.class)).isEqualTo("5672");
    }
}
