package app.atrium.shared;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ErrorShapeTest} against the packaged application (the jar, or the native binary with -Dnative). */
@QuarkusIntegrationTest
class ErrorShapeIT extends ErrorShapeTest {
}
