package app.atrium.ops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Package by feature. The kernel (the packages named in {@link #KERNEL}) never imports a feature;
 * every other top-level package under {@code app.atrium} is a feature, found from the classes, so
 * a new one is covered the day it appears. Inside any top-level package, {@code internal} is
 * private to it: only the package's own classes use it. Features form no cycles.
 */
class ArchitectureTest {

    static final String ROOT = "app.atrium";
    /** The kernel: what every feature may build on. Everything else at the top level is a feature. */
    static final Set<String> KERNEL = Set.of("shared", "security", "messaging", "storage", "audit");

    /** The top-level packages under {@code root} that hold classes, minus the kernel. */
    static Set<String> features(JavaClasses classes, String root) {
        Set<String> found = new TreeSet<>();
        Pattern top = Pattern.compile(Pattern.quote(root) + "\\.(\\w+)(\\..*)?");
        for (JavaClass c : classes) {
            Matcher m = top.matcher(c.getPackageName());
            if (m.matches() && !KERNEL.contains(m.group(1))) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    /** Nothing outside {@code root.X..} uses {@code root.X.internal..}, for every X. */
    static ArchRule internalsStayInsideTheirPackage(String root) {
        Pattern internal = Pattern.compile(Pattern.quote(root) + "\\.(\\w+)\\.internal(\\..*)?");
        return classes().should(new ArchCondition<>("use no other top-level package's internal classes") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    Matcher m = internal.matcher(d.getTargetClass().getPackageName());
                    String owner = root + "." + (m.matches() ? m.group(1) : "");
                    if (m.matches() && !origin.getPackageName().equals(owner)
                            && !origin.getPackageName().startsWith(owner + ".")) {
                        events.add(SimpleConditionEvent.violated(origin, d.getDescription()));
                    }
                }
            }
        });
    }

    static ArchRule kernelImportsNoFeature(JavaClasses classes, String root) {
        String[] kernel = KERNEL.stream().map(k -> root + "." + k + "..").toArray(String[]::new);
        String[] features = features(classes, root).stream().map(f -> root + "." + f + "..").toArray(String[]::new);
        return noClasses().that().resideInAnyPackage(kernel).should().dependOnClassesThat().resideInAnyPackage(features);
    }

    @Test
    void theFeaturesAreFoundFromThePackages() {
        assertThat(features(DefaultDenyTest.APP, ROOT)).contains("identity", "clinic", "upload")
                .doesNotContainAnyElementsOf(KERNEL);
    }

    @Test
    void internalPackagesAreUsedOnlyFromTheirOwnPackage() {
        internalsStayInsideTheirPackage(ROOT).check(DefaultDenyTest.APP);
    }

    @Test
    void kernelPackagesDoNotDependOnFeatures() {
        kernelImportsNoFeature(DefaultDenyTest.APP, ROOT).check(DefaultDenyTest.APP);
    }

    /**
     * The two rules above, run on a fixture that breaks them (test classes under
     * {@code app.atrium.ops.archfixture}: feature {@code beta} uses {@code alpha.internal}, kernel
     * package {@code shared} uses feature {@code alpha}): both must fail, so they can.
     */
    @Test
    void theRulesFailOnAFixtureThatBreaksThem() {
        String root = "app.atrium.ops.archfixture";
        JavaClasses fixture = new ClassFileImporter().importPackages(root);
        assertThat(features(fixture, root)).containsExactly("alpha", "beta");
        assertThatThrownBy(() -> internalsStayInsideTheirPackage(root).check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("archfixture.beta.UsesAlphaInternals")
                .hasMessageContaining("archfixture.alpha.internal.AlphaSecret")
                .hasMessageNotContaining("archfixture.alpha.AlphaApi.");
        assertThatThrownBy(() -> kernelImportsNoFeature(fixture, root).check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("archfixture.shared.KnowsAFeature");
    }

    /**
     * Beyond imports: no class, field, method or enum constant of {@code shared} or {@code messaging}
     * is named after a feature (the feature names found from the packages). A feature registers
     * what the kernel carries for it (a job type, an error field) instead. API.md's error codes
     * ({@code ErrorCode}) are the API's vocabulary, not a feature's, and none is named after one.
     */
    @Test
    void theKernelNamesNoFeature() {
        Set<String> words = features(DefaultDenyTest.APP, ROOT);
        java.util.List<String> named = new java.util.ArrayList<>();
        for (JavaClass c : DefaultDenyTest.APP) {
            if (!c.getPackageName().startsWith(ROOT + ".shared") && !c.getPackageName().startsWith(ROOT + ".messaging")) {
                continue;
            }
            java.util.stream.Stream.of(java.util.stream.Stream.of(c.getSimpleName()),
                    c.getFields().stream().map(f -> f.getName()), c.getMethods().stream().map(m -> m.getName()))
                    .flatMap(x -> x)
                    .filter(n -> words.stream().anyMatch(w -> n.toLowerCase(java.util.Locale.ROOT).contains(w)))
                    .forEach(n -> named.add(c.getName() + "." + n));
        }
        assertThat(words).isNotEmpty();
        assertThat(named).as("kernel names containing a feature's name " + words).isEmpty();
    }

    @Test
    void sharedDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("app.atrium.shared..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("app.atrium..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("app.atrium.shared.."))))
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
        java.util.Set<String> scopedOtherwise = java.util.Set.of("app.atrium.upload.internal.Upload",
                "app.atrium.identity.internal.AuthSession", "app.atrium.audit.AuditEvent");
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
