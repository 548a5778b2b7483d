package io.spoor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout's rules, checked on the compiled main classes: feature packages form no cycle
 * (the composition root {@code app} may use everything), nor do {@code crm}'s sub-features, whose
 * shared model and ports in {@code crm} itself use none of them; {@code http} owns its own
 * vocabulary and {@code ops} is a leaf.
 */
class ArchitectureTest {
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.spoor");
  }

  @Test
  void noTwoFeaturePackagesDependOnEachOtherEvenThroughOthers() {
    slices().matching("io.spoor.(*)..").should().beFreeOfCycles().check(main);
  }

  @Test
  void theCrmSubFeaturesDependOnEachOtherWithoutACycle() {
    slices().matching("io.spoor.crm.(*)..").should().beFreeOfCycles().check(main);
  }

  @Test
  void theCrmModelAndPortsDependOnNoCrmSubFeature() {
    noClasses().that().resideInAPackage("io.spoor.crm").should().dependOnClassesThat()
        .resideInAnyPackage("io.spoor.crm.*..").check(main);
  }

  @Test
  void httpDependsOnNoFeaturePackageButOps() {
    noClasses().that().resideInAPackage("io.spoor.http..").should().dependOnClassesThat()
        .resideInAnyPackage("io.spoor.app..", "io.spoor.crm..", "io.spoor.events..", "io.spoor.identity..",
            "io.spoor.ingest..", "io.spoor.portal..", "io.spoor.store..", "io.spoor.track..", "io.spoor.admin..")
        .check(main);
  }

  @Test
  void opsDependsOnNoOtherSpoorPackage() {
    noClasses().that().resideInAPackage("io.spoor.ops..").should().dependOnClassesThat()
        .resideInAnyPackage("io.spoor.app..", "io.spoor.crm..", "io.spoor.events..", "io.spoor.http..",
            "io.spoor.identity..", "io.spoor.ingest..", "io.spoor.portal..", "io.spoor.store..",
            "io.spoor.track..", "io.spoor.admin..")
        .check(main);
  }

  @Test
  void ingestDoesNotTakeAVertxRoutingContext() {
    noClasses().that().resideInAPackage("io.spoor.ingest..").should().dependOnClassesThat()
        .resideInAPackage("io.vertx.ext.web..").check(main);
  }
}
