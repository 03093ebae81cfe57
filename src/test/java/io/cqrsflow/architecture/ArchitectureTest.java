package io.cqrsflow.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import io.cqrsflow.architecture.fixture.ui.ReachesIntoTheEngine;
import io.cqrsflow.architecture.fixture.ui.ReadsValues;
import io.cqrsflow.architecture.fixture.domain.ReadsTheClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture of docs/architecture.md, checked in the bytecode (ArchUnit): layers point down only,
 * the window reaches the engine only through {@code flow.FlowClient}, JDBC stays in the storage packages,
 * JavaFX stays in the window, and the domain stays pure. Each rule is also shown to fail on a small class
 * written to break it (in {@code architecture.fixture}), so none of them can pass by checking nothing.
 */
class ArchitectureTest {
    static final String ROOT = "io.cqrsflow";

    static JavaClasses production;

    @BeforeAll
    static void importProductionCode() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** Who may use whom (DESIGN.md's table, with the SQLite plumbing below both stores). */
    static Architectures.LayeredArchitecture layers(String root) {
        return Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("app").definedBy(root + ".app..")
                .layer("ui").definedBy(root + ".ui..")
                .layer("scenario").definedBy(root + ".scenario..")
                .layer("load").definedBy(root + ".load..")
                .layer("flow").definedBy(root + ".flow..")
                .layer("write").definedBy(root + ".write..")
                .layer("read").definedBy(root + ".read..")
                .layer("eventstore").definedBy(root + ".eventstore..")
                .layer("crud").definedBy(root + ".crud..")
                .layer("sqlite").definedBy(root + ".sqlite..")
                .layer("domain").definedBy(root + ".domain..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
                .whereLayer("scenario").mayOnlyBeAccessedByLayers("app", "ui")
                .whereLayer("load").mayOnlyBeAccessedByLayers("app", "ui", "scenario")
                .whereLayer("flow").mayOnlyBeAccessedByLayers("app", "ui", "scenario", "load")
                .whereLayer("write").mayOnlyBeAccessedByLayers("app", "ui", "scenario", "load", "flow")
                .whereLayer("read").mayOnlyBeAccessedByLayers("app", "ui", "scenario", "load", "flow")
                .whereLayer("eventstore").mayOnlyBeAccessedByLayers("app", "ui", "flow", "write", "read")
                .whereLayer("crud").mayOnlyBeAccessedByLayers("app", "ui", "scenario", "flow")
                .whereLayer("sqlite").mayOnlyBeAccessedByLayers("app", "eventstore", "read", "crud")
                .whereLayer("domain").mayOnlyBeAccessedByLayers(
                        "app", "ui", "scenario", "load", "flow", "write", "read", "eventstore", "crud");
    }

    /**
     * What the window may hold of the engine's parts: values only. It asks and controls through
     * {@code FlowClient}; the events it shows come as {@code RecordedEvent}s. {@code CqrsFlowApp}, the
     * window's composition root, opens and closes the engine and hands its client on.
     */
    static final DescribedPredicate<JavaClass> ENGINE_INSIDES = new DescribedPredicate<>(
            "the engine itself, the event store or the read side's machinery") {
        @Override
        public boolean test(JavaClass c) {
            String name = c.getName();
            if (name.equals(ROOT + ".flow.Engine") || name.startsWith(ROOT + ".flow.Engine$")) {
                return true;
            }
            if (c.getPackageName().equals(ROOT + ".eventstore")) {
                return !name.equals(ROOT + ".eventstore.RecordedEvent") && !name.equals(ROOT + ".eventstore.EventMetadata");
            }
            if (c.getPackageName().startsWith(ROOT + ".read") || c.getPackageName().startsWith(ROOT + ".sqlite")) {
                String simple = c.getSimpleName();
                return simple.equals("ReadSide") || simple.equals("ReadDatabase") || simple.equals("Projector")
                        || simple.equals("Scheduler") || simple.equals("ExecutorScheduler")
                        || simple.endsWith("Queries") || simple.endsWith("Projection")
                        || c.getPackageName().startsWith(ROOT + ".sqlite");
            }
            if (c.getPackageName().equals(ROOT + ".crud")) {
                return c.getSimpleName().equals("CrudStore"); // its rows and answers are values the window may show
            }
            return c.getPackageName().startsWith(ROOT + ".write") && c.getSimpleName().equals("CommandHandler");
        }
    };

    static ArchRule uiUsesOnlyTheClient(String root) {
        return noClasses().that().resideInAPackage(root + ".ui..")
                .and().doNotHaveFullyQualifiedName(ROOT + ".ui.CqrsFlowApp")
                .should().dependOnClassesThat(ENGINE_INSIDES)
                .because("the window reaches the engine only through flow.FlowClient (docs/architecture.md)");
    }

    /** A read model's own package is its own: everyone else knows it through the registry, read.ReadModels. */
    static ArchRule readModelsAreModules(String root) {
        return noClasses().that(not(resideInAPackage(root + ".read..")))
                .should().dependOnClassesThat(new DescribedPredicate<JavaClass>("belong to one read model's package") {
                    @Override
                    public boolean test(JavaClass c) {
                        String p = c.getPackageName();
                        return p.startsWith(root + ".read.") && !p.equals(root + ".read");
                    }
                })
                .because("adding a read model touches its own package and one registration line");
    }

    static ArchRule noJdbcOutsideStorage(String root) {
        return noClasses().that(not(resideInAnyPackage(root + ".eventstore..", root + ".read..", root + ".sqlite..",
                        root + ".crud..")))
                .and(resideInAPackage(root + ".."))
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..")
                .because("SQL lives in the two stores, the CRUD table beside them and their shared plumbing");
    }

    static ArchRule noJavaFxBelowTheWindow(String root) {
        return noClasses().that().resideInAnyPackage(root + ".scenario..", root + ".load..", root + ".flow..", root + ".write..",
                        root + ".read..", root + ".eventstore..", root + ".sqlite..", root + ".crud..", root + ".domain..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("only the window (and the app that starts it) knows JavaFX");
    }

    static ArchRule domainIsPure(String root) {
        return noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "javax.sql..", "java.io..",
                        "java.nio.file..", "java.net..", "com.fasterxml..", "org.sqlite..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.InstantSource")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.UUID")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Math.class, "random")
                .because("deciding and replaying must be deterministic: time and ids come in from outside");
    }

    @Test
    void the_import_really_reads_the_code() {
        assertThat(production.stream().map(JavaClass::getPackageName).distinct())
                .contains(ROOT + ".domain", ROOT + ".eventstore", ROOT + ".read", ROOT + ".write", ROOT + ".flow",
                        ROOT + ".scenario", ROOT + ".ui", ROOT + ".app", ROOT + ".crud");
        assertThat(production.size()).isGreaterThan(100);
    }

    @Test
    void layers_point_down_only() {
        layers(ROOT).check(production);
    }

    @Test
    void the_window_uses_only_the_client() {
        uiUsesOnlyTheClient(ROOT).check(production);
    }

    @Test
    void a_read_model_is_known_only_through_the_registry() {
        readModelsAreModules(ROOT).check(production);
    }

    @Test
    void jdbc_stays_in_the_storage_packages() {
        noJdbcOutsideStorage(ROOT).check(production);
    }

    @Test
    void javafx_stays_in_the_window() {
        noJavaFxBelowTheWindow(ROOT).check(production);
    }

    @Test
    void the_domain_stays_pure() {
        domainIsPure(ROOT).check(production);
    }

    // ---- each rule fails on code written to break it

    private static final String FIXTURE = "io.cqrsflow.architecture.fixture";

    @Test
    void a_view_that_holds_the_read_side_breaks_the_client_rule() {
        JavaClasses classes = new ClassFileImporter().importClasses(ReachesIntoTheEngine.class, ReadsValues.class,
                io.cqrsflow.read.ReadSide.class, io.cqrsflow.eventstore.RecordedEvent.class,
                io.cqrsflow.eventstore.SqliteEventStore.class, io.cqrsflow.flow.Engine.class);
        var result = uiUsesOnlyTheClient(FIXTURE).evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("ReachesIntoTheEngine", "ReadSide"))
                .anySatisfy(d -> assertThat(d).contains("ReachesIntoTheEngine", "SqliteEventStore"))
                .anySatisfy(d -> assertThat(d).contains("ReachesIntoTheEngine", "Engine"))
                .noneSatisfy(d -> assertThat(d).contains("ReadsValues"));
    }

    @Test
    void a_view_that_names_a_read_models_own_class_breaks_the_module_rule() {
        JavaClasses classes = new ClassFileImporter().importClasses(ReachesIntoTheEngine.class, ReadsValues.class,
                io.cqrsflow.read.orderlist.OrderListModule.class, io.cqrsflow.read.ReadModels.class);

        assertThat(readModelsAreModules(ROOT).evaluate(classes).getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("ReachesIntoTheEngine", "OrderListModule"))
                .noneSatisfy(d -> assertThat(d).contains("ReadsValues"));
    }

    @Test
    void a_domain_class_that_reads_the_clock_breaks_purity_layers_and_jdbc() {
        JavaClasses classes = new ClassFileImporter().importClasses(ReadsTheClock.class, ReachesIntoTheEngine.class);

        assertThat(domainIsPure(FIXTURE).evaluate(classes).getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("java.time.Clock"))
                .anySatisfy(d -> assertThat(d).contains("currentTimeMillis"))
                .anySatisfy(d -> assertThat(d).contains("java.sql.Connection"));
        assertThat(layers(FIXTURE).evaluate(classes).getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("ReadsTheClock", "ReachesIntoTheEngine"));
        assertThat(noJdbcOutsideStorage(FIXTURE).evaluate(classes).hasViolation()).isTrue();
        assertThat(noJavaFxBelowTheWindow(FIXTURE).evaluate(classes).getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("ReadsTheClock", "javafx"));
    }
}
