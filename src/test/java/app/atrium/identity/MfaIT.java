package app.atrium.identity;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link MfaTest} against the packaged application: the MFA_REQUIRED body's challenge field included. */
@QuarkusIntegrationTest
class MfaIT extends MfaTest {
}
