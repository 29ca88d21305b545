package app.atrium.scheduling;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link MyAppointmentTest} against the packaged application (the jar, or the native binary with -Dnative). */
@QuarkusIntegrationTest
class MyAppointmentIT extends MyAppointmentTest {
}
