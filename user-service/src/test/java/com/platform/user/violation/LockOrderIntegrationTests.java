package com.platform.user.violation;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.platform.user.account.AccountType;
import com.platform.user.account.UserAccount;
import com.platform.user.account.UserAccounts;
import com.platform.user.registration.EmailAddress;
import com.platform.user.support.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One lock order in every use case and job (account row, then violations, audit last): the penalty-expiry job and
 * a new violation racing on the same person neither deadlock (PostgreSQL would abort one of them) nor lose the
 * other's change.
 */
class LockOrderIntegrationTests extends UserServiceIntegrationTest {

    private static final int ROUNDS = 25;

    @Autowired
    PenaltyExpiry expiry;

    @Autowired
    ViolationService violations;

    @Autowired
    UserAccounts accounts;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private UUID activeAccount() {
        UserAccount account = UserAccount.register(UUID.randomUUID(), AccountType.PERSON, "Li Lei",
                new EmailAddress(freshEmail()), null, clock.instant());
        account.contactVerified(clock.instant());
        accounts.insert(account);
        return account.id();
    }

    private static Violation.Report major(UUID userId) {
        return new Violation.Report(userId, ViolationType.MALICIOUS_ATTACK.name(), Severity.MAJOR, false,
                "Flooded the platform", null, Violation.Source.OPERATOR, null, "operator-lock-order");
    }

    @Test
    void penaltyExpiryAndANewViolationOnTheSamePersonNeitherDeadlockNorLoseAnUpdate() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UUID userId = activeAccount();
            UUID first = violations.record(major(userId)).orElseThrow().id();
            clock.advance(Duration.ofDays(30).plusMinutes(1));

            CyclicBarrier start = new CyclicBarrier(2);
            Future<Integer> expired = threads.submit(() -> {
                start.await();
                return expiry.expireDue();
            });
            Future<Violation> recorded = threads.submit(() -> {
                start.await();
                return violations.record(major(userId)).orElseThrow();
            });
            // get() rethrows a deadlock abort; the bound only keeps a hang from stalling the build
            expired.get(60, TimeUnit.SECONDS);
            Violation second = recorded.get(60, TimeUnit.SECONDS);

            assertThat(penaltyState(first)).as("round %d: the first penalty ended", round).isEqualTo("EXPIRED");
            assertThat(second.penaltyKind()).as("round %d: the repeat counts the first", round)
                    .isEqualTo(PenaltyKind.SUSPENDED);
            assertThat(penaltyState(second.id())).isEqualTo("ACTIVE");
            assertThat(accounts.get(userId).status().name()).as("round %d: whichever ran first", round)
                    .isEqualTo("SUSPENDED");
            assertThat(auditActions(userId)).as("round %d: both are audited", round)
                    .containsExactlyInAnyOrder("violation.recorded", "violation.recorded", "penalty.expired");
        }
    }

    private String penaltyState(UUID violationId) {
        return jdbc.queryForObject("select penalty_state from violation where id = ?", String.class, violationId);
    }

    private java.util.List<String> auditActions(UUID userId) {
        return jdbc.queryForList("select action from audit_entry where target_id = ?", String.class,
                userId.toString());
    }
}
