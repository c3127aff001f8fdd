package com.platform.starter.audit;

import java.util.Map;

import com.platform.starter.StarterIntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AuditTrailTests extends StarterIntegrationTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditLog log;
    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void emptyTrailWithFiveEntries() {
        tamper("delete from audit_entry");
        for (int i = 1; i <= 5; i++) {
            int n = i;
            transaction.executeWithoutResult(status -> trail.recordAs("operator-" + n, "thing.renamed", "thing",
                    "thing-" + n, Map.of("name", "old-" + n), Map.of("name", "new-" + n)));
        }
    }

    /** What an attacker with database access would do: switch off the append-only guard and change rows. */
    private void tamper(String... statements) {
        jdbc.execute("alter table audit_entry disable trigger user");
        try {
            for (String statement : statements) {
                jdbc.execute(statement);
            }
        }
        finally {
            jdbc.execute("alter table audit_entry enable trigger user");
        }
    }

    @Test
    void intactChainVerifies() {
        AuditLog.Verification verification = log.verify();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.entries()).isEqualTo(5);
        assertThat(verification.firstBrokenEntry()).isNull();
    }

    @Test
    void updatesAndDeletesAreRefusedByTheDatabase() {
        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'someone-else' where seq = 2"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where seq = 2"))
                .isInstanceOf(DataAccessException.class);
        assertThat(log.verify().valid()).isTrue();
    }

    @Test
    void editedEntryIsDetectedAtThatEntry() {
        tamper("update audit_entry set after_state = '{\"name\":\"forged\"}' where seq = 3");
        AuditLog.Verification verification = log.verify();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenEntry()).isEqualTo(3);
    }

    @Test
    void editedEntryWithRecomputedHashIsDetectedAtTheNextEntry() {
        AuditEntry third = log.find(new AuditLog.Filter(null, null, "thing-3", null, null),
                com.platform.starter.paging.PageQuery.of(0, 10)).items().get(0);
        String forgedHash = AuditChain.hash(third.seq(), third.entryId(), third.occurredAt(), "intruder",
                third.action(), third.targetType(), third.targetId(), third.before(), third.after(),
                third.requestId(), third.prevHash());
        tamper("update audit_entry set actor = 'intruder', hash = '" + forgedHash + "' where seq = 3");
        AuditLog.Verification verification = log.verify();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenEntry()).isEqualTo(4);
    }

    @Test
    void deletedEntryIsDetectedAtTheEntryAfterIt() {
        tamper("delete from audit_entry where seq = 2");
        AuditLog.Verification verification = log.verify();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenEntry()).isEqualTo(3);
    }

    @Test
    void reorderedEntriesAreDetectedAtTheFirstMovedEntry() {
        tamper("update audit_entry set seq = 100 where seq = 2",
                "update audit_entry set seq = 2 where seq = 3",
                "update audit_entry set seq = 3 where seq = 100");
        AuditLog.Verification verification = log.verify();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenEntry()).isEqualTo(2);
    }

    @Test
    void auditorsCanFilterReadAndVerifyTheTrail() throws Exception {
        String auditor = tokens.user("auditor-7", "auditor");
        mvc.perform(get("/api/v1/audit/test/events").param("actor", "operator-2")
                        .header("Authorization", bearer(auditor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].targetId").value("thing-2"))
                .andExpect(jsonPath("$.items[0].after").value("{\"name\":\"new-2\"}"));
        mvc.perform(get("/api/v1/audit/test/verification").header("Authorization", bearer(auditor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.entries").value(5));
    }

    @Test
    void actorIsTheTokenSubjectAndTheEntryCommitsWithTheChange() throws Exception {
        String subject = "5b0c3a0e-0000-4000-8000-00000000abcd";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/things")
                        .header("Authorization", bearer(tokens.user(subject, "user")))
                        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                        .header("X-Request-Id", "audit-req-1")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"audited\", \"kind\": \"PARCEL\", \"quantity\": 1}"))
                .andExpect(status().isCreated());
        var entries = log.find(new AuditLog.Filter(subject, "thing", null, null, null),
                com.platform.starter.paging.PageQuery.of(0, 10));
        assertThat(entries.items()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("thing.created");
            assertThat(entry.requestId()).isEqualTo("audit-req-1");
        });
        assertThat(log.verify().valid()).isTrue();
    }

    @Test
    void otherRolesCannotReadTheTrail() throws Exception {
        mvc.perform(get("/api/v1/audit/test/events").header("Authorization", bearer(tokens.user("u-1", "user",
                "operator")))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/test/verification")).andExpect(status().isUnauthorized());
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> trail.record("x", "thing", "t", null, null))
                .isInstanceOf(IllegalStateException.class);
    }
}
