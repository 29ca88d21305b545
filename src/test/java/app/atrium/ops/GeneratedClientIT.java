package app.atrium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The client a frontend generates: {@code ./mvnw verify} stores the contract the app serves at
 * /q/openapi (target/openapi, by quarkus:build) and openapi-generator turns it into a Java client
 * (target/generated-client, pom.xml); the generator fails the build on an invalid document. Here the
 * client must compile, keep every schema's name as its model's name, and name every method after its
 * operationId, with none invented.
 */
class GeneratedClientIT {

    private static final Path SPEC = Path.of("target/openapi/openapi.json");
    private static final Path SOURCES = Path.of("target/generated-client/src/main/java/app/atrium/client");
    private static JsonNode contract;

    @BeforeAll
    static void read() throws IOException {
        assertThat(SPEC).as("quarkus:build stores the contract").exists();
        assertThat(SOURCES).as("openapi-generator ran in the package phase").isDirectory();
        contract = new ObjectMapper().readTree(SPEC.toFile());
    }

    @Test
    void everySchemaKeepsItsNameAsAModel() throws IOException {
        Set<String> schemas = new TreeSet<>();
        contract.path("components").path("schemas").fieldNames().forEachRemaining(schemas::add);
        Set<String> models = names(SOURCES.resolve("model"));
        assertThat(models).as("models the generator renamed or invented").isEqualTo(schemas);
    }

    @Test
    void everyOperationIsAMethodNamedByItsOperationId() throws IOException {
        Set<String> operationIds = new TreeSet<>();
        contract.path("paths").forEach(item -> item.fields().forEachRemaining(op -> {
            if (op.getValue().has("operationId")) {
                operationIds.add(op.getValue().get("operationId").asText());
            }
        }));
        assertThat(operationIds).isNotEmpty().doesNotContain("");
        StringBuilder apis = new StringBuilder();
        try (Stream<Path> files = Files.list(SOURCES.resolve("api"))) {
            for (Path f : files.toList()) {
                apis.append(Files.readString(f));
            }
        }
        Set<String> methods = new TreeSet<>();
        Matcher m = Pattern.compile("public \\S+(?:<[^>]*>)? (\\w+)\\(").matcher(apis);
        while (m.find()) {
            methods.add(m.group(1).replaceFirst("WithHttpInfo$", ""));
        }
        methods.removeIf(n -> !Character.isLowerCase(n.charAt(0)) || n.startsWith("get") && n.endsWith("Client")
                || Set.of("getApiClient", "setApiClient").contains(n));
        assertThat(methods).as("every operation has its method").containsAll(operationIds);
        assertThat(methods.stream().filter(n -> n.matches("(?i)(api|q)V?\\d?.*(Get|Post|Put|Patch|Delete)")).toList())
                .as("methods named from paths, not operationIds").isEmpty();
    }

    @Test
    void theClientCompiles() throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
        Path out = Files.createDirectories(Path.of("target/generated-client/classes"));
        DiagnosticCollector<JavaFileObject> problems = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(problems, null, null)) {
            boolean ok = javac.getTask(null, files, problems,
                    List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none",
                            "-nowarn"),
                    null, files.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(problems.getDiagnostics().stream()
                    .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR).map(Object::toString).toList())
                    .isEmpty();
            assertThat(ok).isTrue();
        }
    }

    private static Set<String> names(Path dir) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .forEach(n -> names.add(n.substring(0, n.length() - ".java".length())));
        }
        names.remove("AbstractOpenApiSchema");
        return names;
    }
}
