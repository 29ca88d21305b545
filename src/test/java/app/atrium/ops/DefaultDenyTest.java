package app.atrium.ops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Fails the build when a REST method declares who may call it neither on itself nor on its class
 * (API.md: every endpoint declares @RolesAllowed, @PermitAll, @Authenticated or @DenyAll).
 */
class DefaultDenyTest {

    private static final String[] HTTP_METHODS = { "jakarta.ws.rs.GET", "jakarta.ws.rs.POST", "jakarta.ws.rs.PUT",
            "jakarta.ws.rs.PATCH", "jakarta.ws.rs.DELETE", "jakarta.ws.rs.HEAD", "jakarta.ws.rs.OPTIONS" };
    private static final String[] SECURITY = { "jakarta.annotation.security.RolesAllowed",
            "jakarta.annotation.security.PermitAll", "jakarta.annotation.security.DenyAll",
            "io.quarkus.security.Authenticated", "io.quarkus.security.PermissionsAllowed" };

    static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.atrium");

    @Test
    void everyRestMethodDeclaresItsSecurity() {
        DescribedPredicate<JavaMethod> rest = DescribedPredicate.describe("REST methods",
                m -> java.util.Arrays.stream(HTTP_METHODS).anyMatch(m::isAnnotatedWith));
        ArchCondition<JavaMethod> secured = new ArchCondition<>("declare a security annotation") {
            @Override
            public void check(JavaMethod m, ConditionEvents events) {
                boolean ok = java.util.Arrays.stream(SECURITY)
                        .anyMatch(a -> m.isAnnotatedWith(a) || m.getOwner().isAnnotatedWith(a));
                events.add(new SimpleConditionEvent(m, ok, m.getFullName() + " declares no security annotation"));
            }
        };
        methods().that(rest).should(secured).allowEmptyShould(false).check(APP);
    }
}
