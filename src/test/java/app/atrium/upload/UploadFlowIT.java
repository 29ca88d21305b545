package app.atrium.upload;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link UploadFlowTest} against the packaged application (the jar, or the native binary with -Dnative). */
@QuarkusIntegrationTest
class UploadFlowIT extends UploadFlowTest {
}
