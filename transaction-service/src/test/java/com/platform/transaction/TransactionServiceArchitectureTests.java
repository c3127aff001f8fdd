package com.platform.transaction;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

import com.platform.transaction.dispute.Dispute;
import com.platform.transaction.ledger.JournalEntry;
import com.platform.transaction.money.Money;
import com.platform.transaction.payment.CallbackEffect;
import com.platform.transaction.payment.Payment;
import com.platform.transaction.transaction.EligibilityPolicy;
import com.platform.transaction.transaction.Transaction;
import com.platform.transaction.transaction.TransactionStatus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules a newcomer can rely on when finding their way in transaction-service. */
@AnalyzeClasses(packages = "com.platform.transaction", importOptions = ImportOption.DoNotIncludeTests.class)
class TransactionServiceArchitectureTests {

    /** Domain rules live in plain types: no web, no SQL, no Feign inside them. */
    @ArchTest
    static final ArchRule domainTypesAreFreeOfWebAndPersistence = classes()
            .that().belongToAnyOf(Transaction.class, TransactionStatus.class, JournalEntry.class, Money.class,
                    Payment.class, CallbackEffect.class, Dispute.class, EligibilityPolicy.class)
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework.web..",
                    "org.springframework.http..", "org.springframework.jdbc..", "java.sql..",
                    "org.springframework.cloud..");

    /** Feature packages do not import each other in a circle. */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("com.platform.transaction.(*)..")
            .should().beFreeOfCycles();

    /** Only the client packages know Feign. */
    @ArchTest
    static final ArchRule feignStaysInTheClients = noClasses()
            .that().resideOutsideOfPackages("com.platform.transaction.payer..", "com.platform.transaction.partner..",
                    "com.platform.transaction.risk..", "com.platform.transaction.payment..")
            .and().doNotHaveSimpleName("TransactionServiceApplication")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.cloud.openfeign..");

    /** Controllers are entry points; nothing calls into them. */
    @ArchTest
    static final ArchRule nothingDependsOnControllers = noClasses()
            .should().dependOnClassesThat().areAnnotatedWith(RestController.class)
            .allowEmptyShould(true);
}
