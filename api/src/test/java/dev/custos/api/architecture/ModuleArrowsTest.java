package dev.custos.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module arrows: {@code api} may use both sides; the command side and the query side never use each other;
 * the event schema, which outlives every other module, depends on no Spring and on no other module; the offline
 * audit verifier shares only the canonical encoding with the service, so what it checks is not what the service
 * claims about itself; the embedded default's servers, which the production jar does not carry, know nothing of the
 * service, and only {@code dev.custos.api.embedded} names them, so nothing else fails for their absence.
 */
@AnalyzeClasses(packages = "dev.custos", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArrowsTest {

    @ArchTest
    static final ArchRule commandSideDoesNotUseQuerySide = noClasses()
            .that()
            .resideInAPackage("dev.custos.command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.custos.query..", "dev.custos.api..");

    @ArchTest
    static final ArchRule querySideDoesNotUseCommandSide = noClasses()
            .that()
            .resideInAPackage("dev.custos.query..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.custos.command..", "dev.custos.api..");

    @ArchTest
    static final ArchRule eventSchemaUsesNoSpring = noClasses()
            .that()
            .resideInAPackage("dev.custos.events..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "dev.custos.command..", "dev.custos.query..", "dev.custos.api..");

    @ArchTest
    static final ArchRule auditVerifierSharesOnlyTheCanonicalEncoding = classes()
            .that()
            .resideInAPackage("dev.custos.verify..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "tools.jackson..",
                    "dev.custos.events.chain..",
                    "dev.custos.events.canonical..",
                    "dev.custos.verify..");

    @ArchTest
    static final ArchRule embeddedServersKnowNothingOfTheService = noClasses()
            .that()
            .resideInAPackage("dev.custos.embedded..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.custos.api..", "dev.custos.command..", "dev.custos.query..", "dev.custos.events..");

    @ArchTest
    static final ArchRule onlyTheAdapterNamesTheEmbeddedServers = noClasses()
            .that()
            .resideOutsideOfPackages("dev.custos.embedded..", "dev.custos.api.embedded..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.custos.embedded..", "io.zonky..", "org.gaul..", "org.jclouds..");
}
