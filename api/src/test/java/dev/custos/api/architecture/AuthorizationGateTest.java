package dev.custos.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.custos.command.Reach;

/**
 * Only the authorization gate hands out a {@link Reach}: a handler that wants to send an operator command has to go
 * through {@code OperatorActions}, which decides visibility and reach before dispatch.
 */
@AnalyzeClasses(packages = "dev.custos.api", importOptions = ImportOption.DoNotIncludeTests.class)
class AuthorizationGateTest {

    @ArchTest
    static final ArchRule onlyTheGateMakesAReach = noClasses()
            .that()
            .resideOutsideOfPackage("dev.custos.api.access..")
            .should()
            .callMethod(Reach.class, "tenantWide", java.util.Set.class)
            .orShould()
            .callMethod(Reach.class, "circle", java.util.UUID.class, java.util.Set.class)
            .orShould()
            .callConstructor(Reach.class, boolean.class, java.util.UUID.class, java.util.Set.class);
}
