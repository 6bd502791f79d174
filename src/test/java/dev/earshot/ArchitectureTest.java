package dev.earshot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The import directions of ARCHITECTURE.md, checked on the compiled main classes. */
class ArchitectureTest {

  /** Pure logic: DSP, statistics, WER, decoding, planning, formats. Tested as plain Java. */
  private static final String[] PURE_CORES = {
    "dev.earshot.audio.decode..",
    "dev.earshot.judge.dsp..",
    "dev.earshot.judge.scoring..",
    "dev.earshot.stats..",
    "dev.earshot.text.wer..",
    "dev.earshot.rating.assignment..",
    "dev.earshot.rating.quality..",
    "dev.earshot.reward.core..",
    "dev.earshot.export.format..",
    "dev.earshot.export.selection..",
    "dev.earshot.dataset.manifest..",
    "dev.earshot.leaderboard.arena..",
    "dev.earshot.platform.error..",
    "dev.earshot.duplex.core..",
    "dev.earshot.codec.core.."
  };

  private static final String[] FRAMEWORKS = {
    "io.quarkus..",
    "jakarta..",
    "com.vaadin..",
    "org.hibernate..",
    "io.smallrye..",
    "io.vertx..",
    "org.eclipse.microprofile.."
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.earshot");
  }

  @Test
  void shouldHaveNoImportCycleBetweenFeatures() {
    slices().matching("dev.earshot.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void shouldKeepPureCoresFreeOfFrameworks() {
    noClasses()
        .that()
        .resideInAnyPackage(PURE_CORES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORKS)
        .check(classes);
  }

  @Test
  void shouldKeepDatasetIndependentOfEvaluation() {
    noClasses()
        .that()
        .resideInAPackage("dev.earshot.dataset..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.earshot.evaluation..")
        .check(classes);
  }

  @Test
  void shouldKeepJudgesIndependentOfReward() {
    noClasses()
        .that()
        .resideInAPackage("dev.earshot.judge..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.earshot.reward..")
        .check(classes);
  }

  @Test
  void shouldKeepServicesAndRepositoriesFreeOfHttp() {
    noClasses()
        .that()
        .resideInAnyPackage("..service..", "..repository..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.ws.rs..", "dev.earshot.platform.rest..")
        .check(classes);
  }

  @Test
  void shouldKeepViewsAwayFromRepositories() {
    noClasses()
        .that()
        .resideInAPackage("..ui..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..repository..")
        .check(classes);
  }
}
