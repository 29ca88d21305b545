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

    /** Every entity with a clinic_id column extends ClinicOwned, so the tenant filter covers it. */
    @Test
    void clinicOwnedEntitiesCarryTheTenantFilter() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().areAnnotatedWith(jakarta.persistence.Entity.class)
                .and().resideInAnyPackage("app.atrium.clinic..")
                .and().doNotHaveSimpleName("Clinic")
                .should().beAssignableTo(app.atrium.security.ClinicOwned.class)
                .check(DefaultDenyTest.APP);
    }

    @Test
    void resourcesDoNotTouchEntitiesDirectly() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().areAssignableTo(io.quarkus.hibernate.orm.panache.PanacheEntityBase.class)
                .check(DefaultDenyTest.APP);
    }
}
