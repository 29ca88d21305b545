package app.atrium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The design card's top-level items exist, and the GitLab pipeline has the jobs it promises. */
class RepositoryLayoutTest {

    @Test
    void everyTopLevelItemOfTheDesignCardExists() {
        for (String item : List.of("pom.xml", "mvnw", "src", "kubernetes", "docs", ".dockerignore", "README.md",
                ".gitlab-ci.yml", ".ci/run", "src/main/docker/Dockerfile.jvm",
                "src/main/docker/Dockerfile.native-micro")) {
            assertThat(Path.of(item)).as(item).exists();
        }
        assertThat(Path.of("mvnw")).isExecutable();
    }

    @Test
    void gitlabPipelineTestsBuildsNativeImagesAndDeploysManually() throws IOException {
        JsonNode ci = new ObjectMapper(new YAMLFactory()).readTree(Path.of(".gitlab-ci.yml").toFile());
        assertThat(ci.get("stages")).extracting(JsonNode::asText).contains("test", "native", "image", "deploy");

        JsonNode test = ci.get("jvm-test");
        assertThat(test.get("script").toString()).contains("./mvnw").contains("verify");
        assertThat(test.get("services").findValuesAsText("name"))
                .anyMatch(s -> s.startsWith("postgres")).anyMatch(s -> s.startsWith("redis"))
                .anyMatch(s -> s.startsWith("rabbitmq"));

        JsonNode nativeBuild = ci.get("native-build");
        assertThat(nativeBuild.get("image").asText()).contains("mandrel");
        assertThat(nativeBuild.get("script").toString()).contains("-Dnative");

        assertThat(ci.get("container-image").get("script").toString()).contains("Dockerfile.native-micro");

        JsonNode deploy = ci.get("deploy-prod");
        assertThat(deploy.get("when").asText()).isEqualTo("manual");
        assertThat(deploy.get("script").toString()).contains("kubectl apply");
        assertThat(deploy.get("script").toString()).contains("kubernetes/overlays/prod");
    }

    @Test
    void readmeStatesTheTwoCommandsAndTheWorkerCommand() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("./mvnw quarkus:dev").contains("./mvnw verify")
                .contains("QUARKUS_PROFILE=analysis-worker");
    }

    /** The formatter (config/eclipse-format.xml) wraps at 128; what it cannot wrap must not exceed it either. */
    @Test
    void noJavaLineIsWiderThanTheFormattersWidth() throws IOException {
        List<String> wide = new java.util.ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (var files = Files.walk(Path.of(root))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).length() > 128) {
                            wide.add(f + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        assertThat(wide).as("lines over 128 characters").isEmpty();
        assertThat(Path.of(".editorconfig")).exists();
        assertThat(Files.readString(Path.of("pom.xml"))).contains("formatter-maven-plugin").contains("impsort-maven-plugin");
    }
}
