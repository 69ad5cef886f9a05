package io.easel.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server's boundaries: Spark-free, and feature packages that do not depend on each other in circles. */
class ServerArchitectureTest {

    static JavaClasses server;

    @BeforeAll
    static void importServer() {
        server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.easel.server");
    }

    @Test
    void shouldNotDependOnSparkOrScalaBeyondTheLauncherApi() {
        noClasses().that().resideInAPackage("io.easel.server..")
                .should().dependOnClassesThat(resideInAnyPackage("org.apache.spark..", "scala..")
                        .and(not(resideInAPackage("org.apache.spark.launcher"))))
                .check(server);
    }

    @Test
    void shouldUseSparksLauncherApiOnlyInTheRunFeature() {
        noClasses().that().resideOutsideOfPackage("io.easel.server.run")
                .should().dependOnClassesThat().resideInAPackage("org.apache.spark.launcher")
                .check(server);
    }

    @Test
    void shouldNotHaveSparkOnTheClasspath() throws ClassNotFoundException {
        // Spark's launcher API (plain Java, org.apache.spark.launcher) is there; nothing else of Spark or Scala is.
        assertThat(Class.forName("org.apache.spark.launcher.SparkLauncher")).isNotNull();
        assertThatThrownBy(() -> Class.forName("org.apache.spark.sql.SparkSession"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.apache.spark.SparkContext"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.apache.spark.annotation.Stable"))
                .isInstanceOf(ClassNotFoundException.class); // spark-tags, which the launcher would bring
        assertThatThrownBy(() -> Class.forName("scala.Option")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("io.easel.components.spi.SparkComponent"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void shouldNeverMakeAClassLoaderSoNoPluginClassIsLoadedHere() {
        // Plugin jars are read as files (their catalog.json); only the engine loads their classes.
        noClasses().that().resideInAPackage("io.easel.server..")
                .should().callConstructorWhere(JavaCall.Predicates.target(
                        HasOwner.Predicates.With.<JavaClass>owner(JavaClass.Predicates.assignableTo(ClassLoader.class))))
                .orShould().callMethod(ClassLoader.class, "loadClass", String.class)
                .orShould().callMethod(Class.class, "forName", String.class)
                .check(server);
    }

    @Test
    void shouldKeepFeaturePackagesFreeOfCycles() {
        slices().matching("io.easel.server.(*)..").should().beFreeOfCycles().check(server);
    }

    @Test
    void shouldUseOnlyItsOwnFeaturesEntitiesAndRepositories() {
        ArchCondition<JavaClass> ownPersistenceOnly = new ArchCondition<>(
                "use the entities and repositories of their own package only") {
            @Override
            public void check(JavaClass source, ConditionEvents events) {
                for (Dependency dependency : source.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    boolean persistence = target.getSimpleName().endsWith("Entity")
                            || target.getSimpleName().endsWith("Repository");
                    if (persistence && target.getPackageName().startsWith("io.easel.server")
                            && !target.getPackageName().equals(source.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
        classes().that().resideInAPackage("io.easel.server..").should(ownPersistenceOnly).check(server);
    }
}
