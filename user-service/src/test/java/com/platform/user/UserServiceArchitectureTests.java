package com.platform.user;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

import com.platform.user.account.UserAccount;
import com.platform.user.identity.IdentityVerification;
import com.platform.user.registration.OneTimeCode;
import com.platform.user.registration.Registration;
import com.platform.user.violation.Appeal;
import com.platform.user.violation.PenaltyLadder;
import com.platform.user.violation.Violation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules a newcomer can rely on when finding their way in user-service. */
@AnalyzeClasses(packages = "com.platform.user", importOptions = ImportOption.DoNotIncludeTests.class)
class UserServiceArchitectureTests {

    /** Domain rules live in plain types: no web, no SQL, no Keycloak inside them. */
    @ArchTest
    static final ArchRule aggregatesAndPoliciesAreFreeOfWebPersistenceAndKeycloak = classes()
            .that().belongToAnyOf(UserAccount.class, Registration.class, OneTimeCode.class,
                    IdentityVerification.class, Violation.class, Appeal.class, PenaltyLadder.class)
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework.web..",
                    "org.springframework.jdbc..", "java.sql..", "org.keycloak..", "com.platform.user.directory..");

    /** Only the directory adapter and its configuration know Keycloak's admin client. */
    @ArchTest
    static final ArchRule keycloakStaysBehindTheDirectory = noClasses()
            .that().resideOutsideOfPackages("com.platform.user.directory..", "com.platform.user.config..")
            .should().dependOnClassesThat().resideInAPackage("org.keycloak..");

    /** Controllers are entry points; nothing calls into them. */
    @ArchTest
    static final ArchRule nothingDependsOnControllers = noClasses()
            .should().dependOnClassesThat().areAnnotatedWith(RestController.class)
            .allowEmptyShould(true);
}
