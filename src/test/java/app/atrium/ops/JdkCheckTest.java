package app.atrium.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** ./mvnw finds a JDK 25 wherever it is installed, and without one stops at once saying what to install. */
class JdkCheckTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run source(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", ". ./.mvn/require-jdk.sh; echo \"JAVA_HOME=$JAVA_HOME\"");
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("ATRIUM_SKIP_JDK_CHECK");
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }

    @Test
    void withoutAnyJdk25ItFailsNamingWhatToInstall() throws Exception {
        // java on PATH (/usr/bin) is older than 25 on this machine kind; no other JDK is searched.
        java.nio.file.Path pathJava = java.nio.file.Path.of("/usr/bin/java");
        org.junit.jupiter.api.Assumptions.assumeFalse(java.nio.file.Files.exists(pathJava)
                && pathJava.toRealPath().toString().matches(".*(-2[5-9]|-[3-9][0-9]).*"), "/usr/bin/java is a JDK 25+");
        Run r = source(Map.of("ATRIUM_JDK_SEARCH_DIRS", "/nonexistent/jdks/*"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("needs a JDK 25").contains("temurin-25-jdk");
        assertThat(r.out()).doesNotContain("JAVA_HOME=");
    }

    @Test
    void aJdk25OutsidePathIsPickedForMaven() throws Exception {
        String home = System.getProperty("java.home");
        Run r = source(Map.of("ATRIUM_JDK_SEARCH_DIRS", home));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("JAVA_HOME=" + home);
    }
}
