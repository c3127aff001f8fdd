package com.platform.security.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The shared token checks stay usable from a servlet service and from the reactive gateway alike. */
class SecurityCoreArchitectureTests {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.platform.security.core");

    @Test
    void knowsNoWebStackNoBootAndNoOtherModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                "org.springframework.http..", "jakarta.servlet..", "reactor..", "org.springframework.boot..",
                "org.springframework.security.web..", "org.springframework.security.oauth2.server..",
                "com.platform.starter..", "com.platform.gateway..").check(CORE);
    }
}
