package com.platform.user.violation;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.platform.user.support.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** U8: violations, the penalty ladder applied to accounts and logins, expiry, appeals, and reported violations. */
class ViolationIntegrationTests extends UserServiceIntegrationTest {

    @Autowired
    PenaltyExpiry expiry;

    private final String operator = staffToken("operator-a", "operator");
    private final String otherOperator = staffToken("operator-b", "operator");

    private JsonNode record(Person person, String type, String severity) throws Exception {
        return body(postJson("/api/v1/users/" + person.userId() + "/violations", Map.of("type", type, "severity",
                severity, "description", "Posted prohibited content", "evidence", "report #42"), operator)
                .andExpect(status().isCreated()));
    }

    /**
     * The login follows the account right after the commit and again when the status event is consumed; the
     * consumer may still be applying an earlier event, so the final state is awaited.
     */
    private void loginEventually(UUID userId, boolean enabled) {
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.login(userId).enabled == enabled);
    }

    private JsonNode eligibility(UUID userId) throws Exception {
        return body(mvc.perform(get("/internal/v1/users/" + userId + "/eligibility")
                .header("Authorization", bearer(tokens.service()))).andExpect(status().isOk()));
    }

    private void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where consumer = ? and event_id = ?", Long.class,
                ReportedViolationsListener.CONSUMER, eventId) == 1);
    }

    @Test
    void aMinorViolationIsAWarningAndChangesNothingElse() throws Exception {
        Person person = activePerson();
        JsonNode recorded = record(person, "ILLEGAL_CONTENT", "MINOR");
        assertThat(recorded.at("/penalty/kind").asString()).isEqualTo("WARNING");
        assertThat(recorded.at("/penalty/until").isNull()).isTrue();
        assertThat(eligibility(person.userId()).get("canTransact").asBoolean()).isTrue();
        mvc.perform(get("/api/v1/users/me/violations").header("Authorization", person.token()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].penalty.kind").value("WARNING"));
    }

    @Test
    void aMajorViolationRestrictsFor30DaysThenThePenaltyExpires() throws Exception {
        Person person = activePerson();
        JsonNode recorded = record(person, "MALICIOUS_ATTACK", "MAJOR");
        assertThat(recorded.at("/penalty/kind").asString()).isEqualTo("RESTRICTED");
        JsonNode restricted = eligibility(person.userId());
        assertThat(restricted.get("status").asString()).isEqualTo("RESTRICTED");
        assertThat(restricted.get("canTransact").asBoolean()).isFalse();
        assertThat(directory.login(person.userId()).enabled).as("restricted people still log in").isTrue();

        clock.advance(Duration.ofDays(30).plusMinutes(1));
        expiry.expireDue();
        assertThat(eligibility(person.userId()).get("status").asString()).isEqualTo("ACTIVE");
        mvc.perform(get("/api/v1/users/me/violations").header("Authorization", person.token()))
                .andExpect(jsonPath("$.items[0].penalty.state").value("EXPIRED"));
    }

    @Test
    void aSevereViolationSuspendsAndDisablesTheLoginUntilItEnds() throws Exception {
        Person person = activePerson();
        assertThat(record(person, "FAKE_IDENTITY", "SEVERE").at("/penalty/kind").asString()).isEqualTo("SUSPENDED");
        assertThat(eligibility(person.userId()).get("status").asString()).isEqualTo("SUSPENDED");
        loginEventually(person.userId(), false);

        clock.advance(Duration.ofDays(90).plusMinutes(1));
        expiry.expireDue();
        assertThat(eligibility(person.userId()).get("status").asString()).isEqualTo("ACTIVE");
        loginEventually(person.userId(), true);
        assertThat(eventsOf(person.userId(), 7)).extracting(e -> e.get("type").asString())
                .contains("user.violation-recorded", "user.status-changed");
    }

    @Test
    void historyEscalatesAndFraudAfterASuspensionIsABan() throws Exception {
        Person person = activePerson();
        assertThat(record(person, "MALICIOUS_ATTACK", "MAJOR").at("/penalty/kind").asString())
                .isEqualTo("RESTRICTED");
        assertThat(record(person, "MALICIOUS_ATTACK", "MAJOR").at("/penalty/kind").asString())
                .as("a repeated major violation").isEqualTo("SUSPENDED");
        assertThat(record(person, "FRAUDULENT_TRANSACTION", "MINOR").at("/penalty/kind").asString())
                .isEqualTo("BANNED");
        clock.advance(Duration.ofDays(400));
        expiry.expireDue();
        assertThat(eligibility(person.userId()).get("status").asString()).as("bans do not expire")
                .isEqualTo("BANNED");
        loginEventually(person.userId(), false);
    }

    @Test
    void anOverturnedAppealLiftsThePenaltyAndTheHistorySaysWhy() throws Exception {
        Person person = activePerson();
        JsonNode recorded = record(person, "FAKE_IDENTITY", "SEVERE");
        String violationId = recorded.at("/violation/id").asString();
        JsonNode appeal = body(postJson("/api/v1/users/me/appeals", Map.of("violationId", violationId, "reason",
                "It was my twin"), person.token()).andExpect(status().isCreated()));
        postJson("/api/v1/users/me/appeals", Map.of("violationId", violationId, "reason", "Again"), person.token())
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("APPEAL_ALREADY_FILED"));

        String decision = "/api/v1/appeals/" + appeal.get("id").asString() + "/decision";
        postJson(decision, Map.of("outcome", "OVERTURNED", "reason", "Recorded it myself"), operator)
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("APPEAL_DECIDER_CONFLICT"));
        postJson(decision, Map.of("outcome", "OVERTURNED", "reason", "Documents prove a twin"), otherOperator)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("OVERTURNED"));
        postJson(decision, Map.of("outcome", "UPHELD", "reason", "Changed my mind"), otherOperator)
                .andExpect(status().isConflict());

        assertThat(eligibility(person.userId()).get("status").asString()).isEqualTo("ACTIVE");
        loginEventually(person.userId(), true);
        mvc.perform(get("/api/v1/users/me/violations").header("Authorization", person.token()))
                .andExpect(jsonPath("$.items[0].overturned").value(true))
                .andExpect(jsonPath("$.items[0].overturnReason").value("Documents prove a twin"))
                .andExpect(jsonPath("$.items[0].penalty.state").value("LIFTED"))
                .andExpect(jsonPath("$.items[0].appeal.status").value("OVERTURNED"));
        // an overturned violation does not count: the next severe one is a suspension again, not a ban
        assertThat(record(person, "FAKE_IDENTITY", "SEVERE").at("/penalty/kind").asString()).isEqualTo("SUSPENDED");
    }

    @Test
    void anUpheldAppealKeepsThePenalty() throws Exception {
        Person person = activePerson();
        String violationId = record(person, "MALICIOUS_ATTACK", "MAJOR").at("/violation/id").asString();
        JsonNode appeal = body(postJson("/api/v1/users/me/appeals", Map.of("violationId", violationId, "reason",
                "Not me"), person.token()));
        postJson("/api/v1/appeals/" + appeal.get("id").asString() + "/decision", Map.of("outcome", "UPHELD",
                "reason", "Logs show it was"), otherOperator).andExpect(status().isOk());
        assertThat(eligibility(person.userId()).get("status").asString()).isEqualTo("RESTRICTED");
    }

    @Test
    void confirmedFraudFromRiskServiceBecomesASevereViolationOnce() throws Exception {
        Person person = activePerson();
        UUID caseId = UUID.randomUUID();
        Map<String, Object> data = Map.of("caseId", caseId.toString(), "transactionId", UUID.randomUUID().toString(),
                "payerId", person.userId().toString(), "decision", "REJECT", "fraudConfirmed", true,
                "reason", "stolen card");
        String eventId = publish("platform.risk.v1", caseId.toString(), "risk.case-decided", data);
        publish(eventId, "platform.risk.v1", caseId.toString(), "risk.case-decided", data);  // redelivered
        String sameCase = publish("platform.risk.v1", caseId.toString(), "risk.case-decided", data);  // new event id

        // one key, one partition: once the last event is processed, the redelivery before it was too
        awaitProcessed(sameCase);
        assertThat(eligibility(person.userId()).get("status").asString()).isEqualTo("SUSPENDED");
        mvc.perform(get("/api/v1/users/" + person.userId() + "/violations")
                        .header("Authorization", staffToken("risk_officer")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].type").value("FRAUDULENT_TRANSACTION"))
                .andExpect(jsonPath("$.items[0].source").value("RISK_CASE"));
    }

    @Test
    void anAbusiveDisputeFromTransactionServiceBecomesAMajorViolation() throws Exception {
        Person person = activePerson();
        UUID disputeId = UUID.randomUUID();
        publish("platform.transactions.v1", UUID.randomUUID().toString(), "dispute.resolved", Map.of(
                "disputeId", disputeId.toString(), "payerId", person.userId().toString(), "outcome", "REJECTED",
                "abusive", true));
        String fairDispute = publish("platform.transactions.v1", UUID.randomUUID().toString(), "dispute.resolved",
                Map.of("disputeId", UUID.randomUUID().toString(), "payerId", person.userId().toString(), "outcome",
                        "REFUND_FULL", "abusive", false));
        await().atMost(Duration.ofSeconds(20)).until(() -> "RESTRICTED".equals(
                eligibility(person.userId()).get("status").asString()));
        // the dispute that was not abusive has been read and judged too: it recorded nothing
        awaitProcessed(fairDispute);
        mvc.perform(get("/api/v1/users/me/violations").header("Authorization", person.token()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].type").value("ABUSIVE_DISPUTE"));
    }

    @Test
    void everyStaffActionIsInTheAuditTrail() throws Exception {
        Person person = activePerson();
        record(person, "ILLEGAL_CONTENT", "MINOR");
        mvc.perform(get("/api/v1/audit/users/events").param("targetId", person.userId().toString())
                        .header("Authorization", staffToken("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].action").value("violation.recorded"))
                .andExpect(jsonPath("$.items[0].actor").value("operator-a"));
        mvc.perform(get("/api/v1/audit/users/verification").header("Authorization", staffToken("auditor")))
                .andExpect(jsonPath("$.valid").value(true));
    }
}
