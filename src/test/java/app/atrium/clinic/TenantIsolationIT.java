package app.atrium.clinic;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link TenantIsolationTest} against the packaged application (the jar, or the native binary with -Dnative). */
@QuarkusIntegrationTest
class TenantIsolationIT extends TenantIsolationTest {
}
