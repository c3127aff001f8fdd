package com.platform.starter;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The starter stays a set of independent guarantees with no business concept and no service code in it. */
class StarterArchitectureTests {

    private static final JavaClasses STARTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.platform.starter");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("com.platform.starter.(*)..").should().beFreeOfCycles().check(STARTER);
    }

    @Test
    void starterNeverDependsOnAService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.platform.user..",
                "com.platform.partner..", "com.platform.transaction..", "com.platform.risk..",
                "com.platform.gateway..").check(STARTER);
    }
}
