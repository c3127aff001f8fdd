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

    @Autowired
    com.platform.starter.outbox.Outbox outbox;
    @Autowired
    com.platform.starter.outbox.OutboxRelay relay;
    @Autowired
    tools.jackson.databind.json.JsonMapper jsonMapper;
    @Autowired
    org.springframework.kafka.test.EmbeddedKafkaBroker broker;

    @BeforeEach
    void emptyTrailWithFiveEntries() {
        tamper("delete from audit_entry", "delete from audit_chain_head", "delete from audit_checkpoint",
                "select setval('audit_entry_seq_gen', 1, false)");
        for (int i = 1; i <= 5; i++) {
            int n = i;
            transaction.executeWithoutResult(status -> trail.recordAs("operator-" + n, "thing.renamed", "thing",
                    "thing-" + n, Map.of("name", "old-" + n), Map.of("name", "new-" + n)));
        }
    }

    /** What an attacker with database access would do: switch off the append-only guard and change rows. */
    private void tamper(String... statements) {
        jdbc.execute("alter table audit_entry disable trigger user");
        jdbc.execute("alter table audit_checkpoint disable trigger user");
        try {
            for (String statement : statements) {
                jdbc.execute(statement);
            }
        }
        finally {
            jdbc.execute("alter table audit_entry enable trigger user");
            jdbc.execute("alter table audit_checkpoint enable trigger user");
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
        String forgedHash = AuditChain.hash(third.chainSeq(), third.entryId(), third.occurredAt(), "intruder",
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

    private AuditSealer sealer(String trailKey, boolean anchored) {
        return new AuditSealer(jdbc, transaction, outbox, jsonMapper, java.time.Clock.systemUTC(), trailKey,
                anchored ? com.platform.starter.testapp.StarterTestApplication.TOPIC : null);
    }

    private AuditLog logOf(String trailKey) {
        Map<String, Object> consumer = Map.of(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString());
        return new AuditLog(jdbc, jsonMapper, trailKey, new AuditAnchor(consumer, jsonMapper,
                com.platform.starter.testapp.StarterTestApplication.TOPIC, 100_000));
    }

    private void publishPendingOutboxEvents() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            relay.relayBatch();
            return relay.pendingCount() == 0;
        });
    }

    /** What an attacker who can write the tables does to hide the newest entries: delete them and move the heads. */
    private void truncateNewestTwo() {
        tamper("delete from audit_entry where seq >= 4", "delete from audit_checkpoint",
                "update audit_chain_head h set last_seq = e.chain_seq, last_hash = e.hash from audit_entry e "
                        + "where e.chain = h.chain and e.seq = (select max(seq) from audit_entry where chain = h.chain)");
    }

    @Test
    void deletingTheNewestEntriesAndCheckpointsIsReportedAgainstThePublishedCheckpoint() {
        String trailKey = "truncation-" + java.util.UUID.randomUUID();
        assertThat(sealer(trailKey, true).seal()).hasValueSatisfying(c -> assertThat(c.entries()).isEqualTo(5));
        publishPendingOutboxEvents();
        assertThat(logOf(trailKey).verify().valid()).isTrue();

        truncateNewestTwo();

        AuditLog.Verification verification = logOf(trailKey).verify();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.entries()).isEqualTo(3);
        assertThat(verification.problem()).contains("ends at entry 3").contains("recorded entry 5")
                .contains("truncated");
        assertThat(verification.anchor()).isEqualTo("kafka:" + com.platform.starter.testapp.StarterTestApplication.TOPIC);
    }

    @Test
    void deletingTheNewestEntriesIsReportedAgainstTheStoredCheckpointWhileItSurvives() {
        sealer("stored-only", false).seal();
        tamper("delete from audit_entry where seq >= 4");

        AuditLog.Verification verification = logOf("stored-only").verify();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.problem()).contains("truncated");
        assertThat(verification.anchor()).isEqualTo("database");
    }

    @Test
    void entriesAfterTheNewestCheckpointVerifyAndASecondSealOnlyFollowsChange() {
        AuditSealer sealer = sealer("growing-" + java.util.UUID.randomUUID(), false);
        assertThat(sealer.seal()).isPresent();
        assertThat(sealer.seal()).as("nothing moved").isEmpty();
        transaction.executeWithoutResult(status -> trail.recordAs("operator-6", "thing.renamed", "thing", "thing-6",
                null, Map.of("name", "new-6")));

        AuditLog.Verification verification = log.verify();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.entries()).isEqualTo(6);
        assertThat(sealer.seal()).hasValueSatisfying(c -> assertThat(c.entries()).isEqualTo(6));
    }

    @Test
    void anOpenAuditedTransactionDoesNotHoldUpAnotherOne() throws Exception {
        java.util.concurrent.CountDownLatch recorded = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var slow = pool.submit(() -> transaction.executeWithoutResult(status -> {
                trail.recordAs("slow", "thing.renamed", "thing", "slow-1", null, null);
                recorded.countDown();
                try {
                    release.await();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            recorded.await();
            var other = pool.submit(() -> transaction.executeWithoutResult(status ->
                    trail.recordAs("fast", "thing.renamed", "thing", "fast-1", null, null)));
            // with one lock for the whole trail this would wait for the slow transaction's commit
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(other::isDone);
            other.get();
            release.countDown();
            slow.get();
        }
        AuditLog.Verification verification = log.verify();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.entries()).isEqualTo(7);
        assertThat(verification.chains()).isEqualTo(2);
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> trail.record("x", "thing", "t", null, null))
                .isInstanceOf(IllegalStateException.class);
    }
}
