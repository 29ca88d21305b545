package app.atrium.identity;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AuthFlowTest} against the packaged application (the jar, or the native binary with -Dnative). */
@QuarkusIntegrationTest
class AuthFlowIT extends AuthFlowTest {
}
