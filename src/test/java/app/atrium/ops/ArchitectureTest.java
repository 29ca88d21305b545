package app.atrium.ops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

/** Package by feature: the kernel packages never import features, and features form no cycles. */
class ArchitectureTest {

    private static final String[] FEATURES = { "app.atrium.upload..", "app.atrium.identity..", "app.atrium.clinic.." };

    @Test
    void kernelPackagesDoNotDependOnFeatures() {
        noClasses().that().resideInAnyPackage("app.atrium.shared..", "app.atrium.security..",
                "app.atrium.messaging..", "app.atrium.storage..", "app.atrium.audit..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .check(DefaultDenyTest.APP);
    }

    @Test
    void sharedDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("app.atrium.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("app.atrium.security..", "app.atrium.messaging..",
                        "app.atrium.storage..", "app.atrium.audit..", "app.atrium.upload..", "app.atrium.identity..",
                        "app.atrium.clinic..")
                .check(DefaultDenyTest.APP);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching("app.atrium.(*)..").should().beFreeOfCycles().check(DefaultDenyTest.APP);
    }

    /**
     * Every entity with a {@code clinicId} extends ClinicOwned, so the tenant filter covers it. The
     * exceptions are scoped another way, on purpose: uploads belong to their owner account (the
     * clinic is a label), a session belongs to its account (the clinic is the one it is switched
     * to), audit events are read only by explicit clinic or by platform operators.
     */
    @Test
    void clinicOwnedEntitiesCarryTheTenantFilter() {
        java.util.Set<String> scopedOtherwise = java.util.Set.of("app.atrium.upload.Upload",
                "app.atrium.identity.AuthSession", "app.atrium.audit.AuditEvent");
        java.util.List<String> unfiltered = new java.util.ArrayList<>();
        for (var c : DefaultDenyTest.APP) {
            boolean entity = c.isAnnotatedWith(jakarta.persistence.Entity.class);
            boolean hasClinic = c.getAllFields().stream().anyMatch(f -> f.getName().equals("clinicId"));
            if (entity && hasClinic && !c.isAssignableTo(app.atrium.security.ClinicOwned.class)
                    && !scopedOtherwise.contains(c.getName())) {
                unfiltered.add(c.getName());
            }
        }
        org.assertj.core.api.Assertions.assertThat(unfiltered).as("entities with clinicId outside the tenant filter")
                .isEmpty();
    }

    @Test
    void resourcesDoNotTouchEntitiesDirectly() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().areAssignableTo(io.quarkus.hibernate.orm.panache.PanacheEntityBase.class)
                .check(DefaultDenyTest.APP);
    }
}
