package io.heed;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.heed.delivery.ComposedMail;
import io.heed.delivery.QueuedMessage;
import org.junit.jupiter.api.Test;

/** Keeps the packages in the order of ARCHITECTURE.md: data moves forward, nothing reaches back up the chain. */
class ArchitectureTest {

    /** Heed's main classes, imported once for every architecture test (also {@link TableOwnershipTest}). */
    static final JavaClasses HEED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.heed");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.heed.(*)..").should().beFreeOfCycles().check(HEED);
    }

    @Test
    void platformDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("io.heed.platform..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "io.heed.platform..",
                        "java..",
                        "jakarta..",
                        "io.quarkus..",
                        "io.smallrye..",
                        "io.vertx..",
                        "org.jboss..",
                        "org.eclipse..",
                        "com.fasterxml..",
                        "org.apache.commons..",
                        "org.postgresql..",
                        "org.hibernate..",
                        "io.agroal..")
                .check(HEED);
    }

    @Test
    void auditKnowsOnlyThePlatform() {
        // Security records its actions in the audit log, so audit cannot know security (nor anything above it).
        noClasses()
                .that()
                .resideInAPackage("io.heed.audit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.heed.security..",
                        "io.heed.directory..",
                        "io.heed.playbook..",
                        "io.heed.campaign..",
                        "io.heed.delivery..",
                        "io.heed.acknowledgement..",
                        "io.heed.compliance..",
                        "io.heed.console..")
                .check(HEED);
    }

    @Test
    void deliveryKnowsMessagesNotCampaigns() {
        // Senders plug in through MessageComposer and DeliveryListener; delivery never reaches back to them.
        noClasses()
                .that()
                .resideInAPackage("io.heed.delivery..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.heed.directory..",
                        "io.heed.playbook..",
                        "io.heed.campaign..",
                        "io.heed.acknowledgement..",
                        "io.heed.compliance..",
                        "io.heed.console..")
                .check(HEED);
    }

    @Test
    void onlyDeliveryUsesItsSmtpClientAndMailCatcher() {
        // Other packages queue mail through delivery's ports; how it is sent is delivery's own business.
        noClasses()
                .that()
                .resideOutsideOfPackage("io.heed.delivery..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.heed.delivery.smtp..", "io.heed.delivery.catcher..")
                .check(HEED);
    }

    @Test
    void theSmtpClientUsesOnlyTheMessageRecordsOfDeliveryAndNotTheCatcher() {
        // The catcher plugs in as smtp's StandInRelay; the outbox hands smtp its messages and reads the results.
        noClasses()
                .that()
                .resideInAPackage("io.heed.delivery.smtp..")
                .should()
                .dependOnClassesThat(resideInAPackage("io.heed.delivery.catcher..")
                        .or(resideInAPackage("io.heed.delivery")
                                .and(not(belongToAnyOf(QueuedMessage.class, ComposedMail.class)))))
                .check(HEED);
    }

    @Test
    void theMailCatcherKnowsNothingOfTheOutbox() {
        noClasses()
                .that()
                .resideInAPackage("io.heed.delivery.catcher..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.heed.delivery")
                .check(HEED);
    }

    @Test
    void directoryKnowsNothingDownstream() {
        noClasses()
                .that()
                .resideInAPackage("io.heed.directory..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.heed.playbook..",
                        "io.heed.campaign..",
                        "io.heed.delivery..",
                        "io.heed.acknowledgement..",
                        "io.heed.compliance..",
                        "io.heed.console..")
                .allowEmptyShould(true)
                .check(HEED);
    }

    @Test
    void acknowledgementSendsNoMailAndKnowsNothingDownstream() {
        // Compliance reads the answers' tables; acknowledgement never calls it (nor sends mail).
        noClasses()
                .that()
                .resideInAPackage("io.heed.acknowledgement..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.heed.compliance..", "io.heed.console..", "io.heed.delivery..")
                .check(HEED);
    }

    @Test
    void onlyTheConsoleDependsOnCompliance() {
        // The read side comes last in the flow: no package it reads from may reach back to it (the console,
        // which shows its numbers, is the one allowed user). That it only reads: TableOwnershipTest.
        noClasses()
                .that()
                .resideOutsideOfPackages("io.heed.compliance..", "io.heed.console..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.heed.compliance..")
                .check(HEED);
    }

    @Test
    void nothingDependsOnTheConsole() {
        // The console is the top floor: controllers over the same use cases and queries as the API.
        noClasses()
                .that()
                .resideOutsideOfPackage("io.heed.console..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.heed.console..")
                .allowEmptyShould(true)
                .check(HEED);
    }

    @Test
    void onlyResourcesAndErrorSurfacesSpeakHttpStatuses() {
        // The error model is free of HTTP: only resources and the surfaces (platform.web, platform.api, the
        // employee pages' error pages) may build responses.
        noClasses()
                .that()
                .resideInAPackage("io.heed..")
                .and()
                .haveSimpleNameNotEndingWith("Resource")
                .and()
                .haveSimpleNameNotEndingWith("ErrorPages")
                .and()
                .resideOutsideOfPackages("io.heed.platform.web..", "io.heed.platform.api..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.ws.rs.WebApplicationException")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.ws.rs.core.Response$Status")
                .check(HEED);
    }
}
