package app.atrium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** Parses every manifest under kubernetes/ into fabric8 models and checks the deployment invariants. */
class KubernetesManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Path BASE = Path.of("kubernetes/base");
    private static final List<JsonNode> DOCS = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        JsonNode kustomization = YAML.readTree(BASE.resolve("kustomization.yaml").toFile());
        for (JsonNode resource : kustomization.get("resources")) {
            Path file = BASE.resolve(resource.asText());
            assertThat(file).as("kustomization lists %s", file).isRegularFile();
            try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                it.forEachRemaining(DOCS::add);
            }
        }
    }

    private static <T> T one(String kind, String name, Class<T> type) {
        JsonNode doc = DOCS.stream().filter(d -> kind.equals(d.path("kind").asText())
                && name.equals(d.path("metadata").path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(kind + " " + name + " missing"));
        try {
            return YAML.treeToValue(doc, type);
        } catch (IOException e) {
            throw new AssertionError(kind + " " + name + " does not parse: " + e.getMessage(), e);
        }
    }

    @Test
    void apiDeploymentIsHardenedProbedAndConfiguredFromConfigMapAndSecret() {
        Deployment api = one("Deployment", "atrium-api", Deployment.class);
        assertHardened(api);
        Container c = api.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(env(c, "QUARKUS_PROFILE")).isEqualTo("prod");
        // Health and metrics live on the management port, which the Service (and so the ingress)
        // never exposes; probes and the scrape annotations follow it.
        for (var probe : List.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
        }
        assertThat(c.getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("management");
            assertThat(p.getContainerPort()).isEqualTo(9000);
        });
        assertThat(api.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/port", "9000").containsEntry("prometheus.io/path", "/q/metrics");
        var service = one("Service", "atrium-api", io.fabric8.kubernetes.api.model.Service.class);
        assertThat(service.getSpec().getPorts()).allSatisfy(p -> assertThat(p.getTargetPort().getStrVal())
                .isEqualTo("http"));
    }

    @Test
    void workerRunsTheAnalysisWorkerProfileWithoutAService() {
        Deployment worker = one("Deployment", "atrium-worker", Deployment.class);
        assertHardened(worker);
        Container c = worker.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(env(c, "QUARKUS_PROFILE")).isEqualTo("analysis-worker");
        Map<String, String> labels = worker.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(DOCS).filteredOn(d -> "Service".equals(d.path("kind").asText()))
                .allSatisfy(s -> assertThat(s.path("spec").path("selector").path("app.kubernetes.io/name").asText())
                        .isNotEqualTo(labels.get("app.kubernetes.io/name")));
    }

    @Test
    void apiHasServiceAutoscalerAndDisruptionBudget() {
        assertThat(DOCS).anyMatch(d -> "Service".equals(d.path("kind").asText())
                && "atrium-api".equals(d.path("spec").path("selector").path("app.kubernetes.io/name").asText()));
        HorizontalPodAutoscaler hpa = one("HorizontalPodAutoscaler", "atrium-api", HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("atrium-api");
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        PodDisruptionBudget pdb = one("PodDisruptionBudget", "atrium-api", PodDisruptionBudget.class);
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "atrium-api");
    }

    @Test
    void kedaScalesTheWorkerOnItsQueueLength() {
        JsonNode so = DOCS.stream().filter(d -> "ScaledObject".equals(d.path("kind").asText())).findFirst()
                .orElseThrow();
        assertThat(so.path("spec").path("scaleTargetRef").path("name").asText()).isEqualTo("atrium-worker");
        JsonNode trigger = so.path("spec").path("triggers").get(0);
        assertThat(trigger.path("type").asText()).isEqualTo("rabbitmq");
        assertThat(trigger.path("metadata").path("mode").asText()).isEqualTo("QueueLength");
        assertThat(trigger.path("metadata").path("queueName").asText()).isEqualTo("atrium.jobs.upload-process");
        assertThat(trigger.path("metadata").has("host")).as("no credentials in the manifest").isFalse();
    }

    @Test
    void noSecretValueIsCommitted() throws IOException {
        assertThat(DOCS).noneMatch(d -> "Secret".equals(d.path("kind").asText()));
        try (var files = Files.walk(Path.of("kubernetes"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                assertThat(text).as(f.toString()).doesNotContain("BEGIN PUBLIC KEY").doesNotContain("BEGIN PRIVATE KEY")
                        .doesNotContainPattern("(?i)password:\\s*\\S");
            }
        }
    }

    @Test
    void prodOverlayReferencesTheBaseAndExistingPatches() throws IOException {
        Path prod = Path.of("kubernetes/overlays/prod");
        JsonNode k = YAML.readTree(prod.resolve("kustomization.yaml").toFile());
        assertThat(k.get("resources").get(0).asText()).isEqualTo("../../base");
        for (JsonNode patch : k.get("patches")) {
            JsonNode p = YAML.readTree(prod.resolve(patch.get("path").asText()).toFile());
            String kind = p.path("kind").asText();
            String name = p.path("metadata").path("name").asText();
            assertThat(DOCS).as("patch target %s/%s exists in base", kind, name)
                    .anyMatch(d -> kind.equals(d.path("kind").asText())
                            && name.equals(d.path("metadata").path("name").asText()));
        }
    }

    private static void assertHardened(Deployment d) {
        var pod = d.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        for (Container c : pod.getContainers()) {
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
            assertThat(c.getLivenessProbe()).isNotNull();
            assertThat(c.getReadinessProbe()).isNotNull();
            assertThat(c.getEnvFrom()).extracting(EnvFromSource::getConfigMapRef).anyMatch(r -> r != null
                    && "atrium-config".equals(r.getName()));
            assertThat(c.getEnvFrom()).extracting(EnvFromSource::getSecretRef).anyMatch(r -> r != null
                    && "atrium-secrets".equals(r.getName()));
            assertThat(c.getEnv()).allMatch(e -> e.getValueFrom() != null || !e.getName().contains("PASSWORD"));
        }
    }

    private static String env(Container c, String name) {
        return c.getEnv().stream().filter(e -> name.equals(e.getName())).map(EnvVar::getValue).findFirst()
                .orElse(null);
    }
}
