package com.platform.risk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Feature packages without cycles; the rule engine free of Spring, the web and persistence (benchmarkable alone). */
class RiskServiceArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.platform.risk");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("com.platform.risk.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theEngineDependsOnNoFramework() {
        noClasses().that().resideInAPackage("com.platform.risk.engine..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..", "com.platform.starter..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void domainTypesKnowNoHttp() {
        noClasses().that().resideOutsideOfPackage("com.platform.risk.config..").and().haveSimpleNameNotEndingWith(
                "Controller").should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..",
                        "org.springframework.web..").check(CLASSES);
    }
}
