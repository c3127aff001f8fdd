package com.platform.partner;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

import com.platform.partner.admission.AdmissionPolicy;
import com.platform.partner.admission.PartnerApplication;
import com.platform.partner.agreement.Agreement;
import com.platform.partner.agreement.QuotaPolicy;
import com.platform.partner.partner.Partner;
import com.platform.partner.supervision.EvaluationPolicy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules a newcomer can rely on when finding their way in partner-service. */
@AnalyzeClasses(packages = "com.platform.partner", importOptions = ImportOption.DoNotIncludeTests.class)
class PartnerServiceArchitectureTests {

    /** Domain rules live in plain types: no web, no SQL, no Keycloak inside them. */
    @ArchTest
    static final ArchRule aggregatesAndPoliciesAreFreeOfWebPersistenceAndKeycloak = classes()
            .that().belongToAnyOf(PartnerApplication.class, Partner.class, Agreement.class, AdmissionPolicy.class,
                    QuotaPolicy.class, EvaluationPolicy.class)
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework.web..",
                    "org.springframework.http..", "org.springframework.jdbc..", "java.sql..", "org.keycloak..");

    /** Only the credentials adapter and its configuration know Keycloak's admin client. */
    @ArchTest
    static final ArchRule keycloakStaysBehindPartnerClients = noClasses()
            .that().resideOutsideOfPackages("com.platform.partner.credentials..", "com.platform.partner.config..")
            .should().dependOnClassesThat().resideInAPackage("org.keycloak..");

    /** Feature packages depend on each other in one direction only. */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("com.platform.partner.(*)..")
            .should().beFreeOfCycles().ignoreDependency(
                    com.tngtech.archunit.base.DescribedPredicate.describe("configuration",
                            c -> c.getPackageName().startsWith("com.platform.partner.config")),
                    com.tngtech.archunit.base.DescribedPredicate.alwaysTrue());

    /** Controllers are entry points; nothing calls into them. */
    @ArchTest
    static final ArchRule nothingDependsOnControllers = noClasses()
            .should().dependOnClassesThat().areAnnotatedWith(RestController.class)
            .allowEmptyShould(true);
}
