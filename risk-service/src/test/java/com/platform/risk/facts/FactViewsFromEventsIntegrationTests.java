package com.platform.risk.facts;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.platform.risk.support.RiskServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The payer and partner views follow user-service's and partner-service's events, once and in order. */
class FactViewsFromEventsIntegrationTests extends RiskServiceIntegrationTest {

    private static final String USERS = "platform.users.v1";
    private static final String PARTNERS = "platform.partners.v1";

    @Test
    void aPayerBecomesKnownFromItsEventsAndIsThenApproved() throws Exception {
        UUID user = UUID.randomUUID();
        String k = user.toString();
        publish(USERS, k, "user.registered", 1L, Map.of("userId", k, "channel", "EMAIL", "accountType", "PERSON",
                "occurredAt", now().minus(Duration.ofDays(30)).toString()));
        publish(USERS, k, "user.contact-verified", 2L, Map.of("userId", k, "level", "L1"));
        publish(USERS, k, "user.status-changed", 3L, Map.of("userId", k, "from", "PENDING_VERIFICATION", "to",
                "ACTIVE", "reason", "contact verified"));
        awaitProcessed(publish(USERS, k, "user.identity-verified", 4L, Map.of("userId", k, "level", "L2")));

        UUID partner = UUID.randomUUID();
        String p = partner.toString();
        publish(PARTNERS, UUID.randomUUID().toString(), "partner.admitted", 1L, Map.of("applicationId",
                UUID.randomUUID().toString(), "partnerId", p, "type", "MERCHANT"));
        publish(PARTNERS, p, "partner.status-changed", 1L, Map.of("partnerId", p, "type", "MERCHANT", "from",
                "ADMITTED", "to", "ACTIVE", "reason", "agreement signed"));
        awaitProcessed(publish(PARTNERS, p, "partner.graded", 2L, Map.of("partnerId", p, "grade", "A", "score", 91)));

        var payerFacts = jdbc.queryForMap("select level, status from payer_view where user_id = ?", user);
        assertThat(payerFacts).containsEntry("level", 2).containsEntry("status", "ACTIVE");
        var partnerFacts = jdbc.queryForMap("select status, grade from partner_view where partner_id = ?", partner);
        assertThat(partnerFacts).containsEntry("status", "ACTIVE").containsEntry("grade", "A");
        assertThat(assess(user, partner, "3000.00").get("decision").asString()).isEqualTo("APPROVE");
    }

    @Test
    void aLateStatusEventNeverOverridesANewerOne() throws Exception {
        UUID user = goodPayer();
        String k = user.toString();
        awaitProcessed(publish(USERS, k, "user.status-changed", 9L, Map.of("userId", k, "from", "ACTIVE", "to",
                "SUSPENDED", "reason", "fraud")));
        awaitProcessed(publish(USERS, k, "user.status-changed", 8L, Map.of("userId", k, "from", "RESTRICTED",
                "to", "ACTIVE", "reason", "expired")));
        assertThat(jdbc.queryForObject("select status from payer_view where user_id = ?", String.class, user))
                .isEqualTo("SUSPENDED");
        assertThat(assess(user, goodPartner(), "10.00").get("decision").asString()).isEqualTo("REJECT");
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        UUID partner = goodPartner();
        String p = partner.toString();
        String id = publish(PARTNERS, p, "partner.graded", 5L, Map.of("partnerId", p, "grade", "D"));
        awaitProcessed(id);
        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Long.class, id))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select grade from partner_view where partner_id = ?", String.class, partner))
                .isEqualTo("D");
    }

    @Test
    void violationsCountUntilOverturnedWhicheverArrivesFirst() throws Exception {
        UUID user = goodPayer();
        String k = user.toString();
        UUID violation = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        awaitProcessed(publish(USERS, k, "user.violation-recorded", 20L, Map.of("userId", k, "violationId",
                violation.toString(), "type", "OTHER", "severity", "MINOR", "fraud", false, "penaltyKind",
                "WARNING")));
        assertThat(assess(user, goodPartner(), "10.00").get("decision").asString()).isEqualTo("REVIEW");
        // an appeal outcome that overtakes its violation still cancels it
        awaitProcessed(publish(USERS, k, "user.appeal-decided", 22L, Map.of("userId", k, "appealId",
                UUID.randomUUID().toString(), "violationId", other.toString(), "outcome", "OVERTURNED")));
        awaitProcessed(publish(USERS, k, "user.violation-recorded", 21L, Map.of("userId", k, "violationId",
                other.toString(), "type", "OTHER", "severity", "MINOR", "fraud", false, "penaltyKind", "WARNING")));
        awaitProcessed(publish(USERS, k, "user.appeal-decided", 23L, Map.of("userId", k, "appealId",
                UUID.randomUUID().toString(), "violationId", violation.toString(), "outcome", "OVERTURNED")));
        assertThat(assess(user, goodPartner(), "10.00").get("decision").asString()).isEqualTo("APPROVE");
    }
}
