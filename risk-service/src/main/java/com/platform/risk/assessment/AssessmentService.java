package com.platform.risk.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.platform.risk.decision.DecisionPolicy;
import com.platform.risk.engine.Action;
import com.platform.risk.engine.Facts;
import com.platform.risk.engine.RuleSet;
import com.platform.risk.engine.RuleOutcome;
import com.platform.risk.engine.RuleVariable;
import com.platform.risk.facts.FactViews;
import com.platform.risk.facts.PartnerFacts;
import com.platform.risk.facts.PayerFacts;
import com.platform.risk.reviewcase.CaseEvents;
import com.platform.risk.reviewcase.ReviewCase;
import com.platform.risk.reviewcase.ReviewCases;
import com.platform.risk.rule.RuleCatalog;
import com.platform.risk.watchlist.WatchKind;
import com.platform.risk.watchlist.Watchlist;
import com.platform.starter.outbox.Outbox;

/**
 * R1: assesses one transaction from local data only (no call to another service): gathers the facts, evaluates
 * the rules in force, applies the {@link DecisionPolicy}, stores the decision with its explanation, opens a case
 * for REVIEW and records {@code risk.assessed} (and {@code risk.case-opened}), all in one transaction.
 * Idempotent per transaction id: a repeat returns the stored assessment. Assessments of one payer are serialised
 * (an advisory lock taken after the reads that do not depend on the payer's other assessments, held to the
 * commit), so concurrent ones see each other in the velocity.
 */
@Service
public class AssessmentService {

    static final String ASSESSED = "risk.assessed";

    /** Facts of a payer the view does not know: the most cautious values (R1, never approved by accident). */
    static final String UNKNOWN = "UNKNOWN";

    private static final PayerFacts UNKNOWN_PAYER = new PayerFacts(null, null, null, 0);
    private static final PartnerFacts UNKNOWN_PARTNER = new PartnerFacts(null, null, null);

    private final Assessments assessments;
    private final FactViews views;
    private final Watchlist watchlist;
    private final RuleCatalog catalog;
    private final DecisionPolicy policy;
    private final ReviewCases cases;
    private final CaseEvents caseEvents;
    private final Outbox outbox;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, Object> policySnapshot;

    AssessmentService(Assessments assessments, FactViews views, Watchlist watchlist, RuleCatalog catalog,
            DecisionPolicy policy, ReviewCases cases, CaseEvents caseEvents, Outbox outbox, Clock clock,
            @Value("${risk.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.assessments = assessments;
        this.views = views;
        this.watchlist = watchlist;
        this.catalog = catalog;
        this.policy = policy;
        this.cases = cases;
        this.caseEvents = caseEvents;
        this.outbox = outbox;
        this.clock = clock;
        this.zone = zone;
        this.policySnapshot = policySnapshot(policy);
    }

    public record Assessed(UUID id, UUID transactionId, Action decision, int score, List<RuleOutcome> fired,
            UUID caseId) {

        static Assessed of(Assessment a) {
            return new Assessed(a.id(), a.request().transactionId(), a.decision(), a.score(), a.fired(), a.caseId());
        }
    }

    /**
     * Statements, in this order: the payer and partner views (one query), the watchlist, the rule-set generation
     * (and the versions in force only after a rule change), then the payer's advisory lock, the velocity, the
     * insert (which also detects a repeat: {@code on conflict do nothing} on the transaction id), the outbox
     * (sequence and event) and, for REVIEW, the case and its event. Everything that does not depend on the other
     * assessments of the payer is read before the lock, so the lock is held only for velocity, evaluation and
     * writes until the commit.
     */
    @Transactional
    public Assessed assess(AssessmentRequest request) {
        Instant now = clock.instant();
        FactViews.Parties parties = views.parties(request.payerId(), request.partnerId(), request.occurredAt());
        Set<WatchKind> watched = watchlist.hits(request.payerId(), request.documentRef(), request.deviceId(),
                request.ip(), now);
        RuleSet rules = catalog.current();

        assessments.lockPayer(request.payerId());
        Assessments.Velocity velocity = assessments.velocity(request.payerId(), request.amount().currency(),
                request.occurredAt());
        Facts facts = facts(request, parties.payer(), parties.partner(), watched, velocity);
        boolean payerKnown = parties.payer().isPresent();
        boolean partnerKnown = parties.partner().isPresent();

        List<RuleOutcome> outcomes = rules.evaluate(facts);
        DecisionPolicy.Decision decision = policy.decide(outcomes, payerKnown, partnerKnown);
        List<RuleOutcome> live = new ArrayList<>(outcomes.size());
        List<RuleOutcome> shadow = new ArrayList<>();
        for (RuleOutcome o : outcomes) {
            (o.live() ? live : shadow).add(o);
        }

        UUID id = UUID.randomUUID();
        ReviewCase opened = decision.decision() == Action.REVIEW ? ReviewCase.open(id, request.transactionId(),
                request.payerId(), request.partnerId(), now) : null;
        Assessment assessment = new Assessment(id, request, decision.decision(), decision.score(), payerKnown,
                partnerKnown, facts.activation(), live, shadow, decision.reasons(), policySnapshot,
                opened == null ? null : opened.id(), now);
        if (!assessments.insert(assessment)) {
            // a repeat (transaction-service retried): the first assessment stands, whatever this one says
            return Assessed.of(assessments.findByTransaction(request.transactionId()).orElseThrow());
        }
        outbox.record(CaseEvents.TOPIC, "assessment", id.toString(), ASSESSED, new RiskAssessed(id,
                request.transactionId(), request.payerId(), request.partnerId(), request.type().name(),
                new MoneyView(request.amount().amount(), request.amount().currency()), decision.decision(),
                decision.score(), now));
        if (opened != null) {
            cases.insert(opened);
            caseEvents.opened(opened);
        }
        return Assessed.of(assessment);
    }

    /** {@code risk.assessed} (contracts.md); subject the assessment id. */
    record RiskAssessed(UUID assessmentId, UUID transactionId, UUID payerId, UUID partnerId, String type,
            MoneyView amount, Action decision, int score, Instant occurredAt) {
    }

    public record MoneyView(String amount, String currency) {
    }

    private Facts facts(AssessmentRequest request, Optional<PayerFacts> payer, Optional<PartnerFacts> partner,
            Set<WatchKind> watched, Assessments.Velocity velocity) {
        Instant at = request.occurredAt();
        PayerFacts p = payer.orElse(UNKNOWN_PAYER);
        PartnerFacts q = partner.orElse(UNKNOWN_PARTNER);
        long ageDays = p.registeredAt() == null ? 0
                : Math.max(0, java.time.Duration.between(p.registeredAt(), at).toDays());
        double amount = request.amount().major();
        return Facts.builder()
                .set(RuleVariable.TX_TYPE, request.type().name())
                .set(RuleVariable.TX_AMOUNT, amount)
                .set(RuleVariable.TX_CURRENCY, request.amount().currency())
                .set(RuleVariable.TX_HOUR_OF_DAY, at.atZone(zone).getHour())
                .set(RuleVariable.PAYER_LEVEL, p.level() == null ? 0 : p.level())
                .set(RuleVariable.PAYER_STATUS, p.status() == null ? UNKNOWN : p.status())
                .set(RuleVariable.PAYER_ACCOUNT_AGE_DAYS, ageDays)
                .set(RuleVariable.PAYER_ACTIVE_VIOLATIONS, p.activeViolations())
                .set(RuleVariable.PARTNER_GRADE, q.grade() == null ? "" : q.grade())
                .set(RuleVariable.PARTNER_STATUS, q.status() == null ? UNKNOWN : q.status())
                .set(RuleVariable.VELOCITY_COUNT_1H, velocity.count1h())
                .set(RuleVariable.VELOCITY_COUNT_24H, velocity.count24h())
                .set(RuleVariable.VELOCITY_AMOUNT_24H, request.amount().major(velocity.amountMinor24h()))
                .set(RuleVariable.WATCH_USER, watched.contains(WatchKind.USER))
                .set(RuleVariable.WATCH_DOCUMENT, watched.contains(WatchKind.DOCUMENT))
                .set(RuleVariable.WATCH_DEVICE, watched.contains(WatchKind.DEVICE))
                .set(RuleVariable.WATCH_IP, watched.contains(WatchKind.IP))
                .build();
    }

    /** The policy values stored with each assessment: one immutable snapshot (the policy does not change). */
    private static Map<String, Object> policySnapshot(DecisionPolicy policy) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("reviewScore", policy.reviewScore());
        snapshot.put("rejectScore", policy.rejectScore());
        snapshot.put("onError", policy.onError());
        snapshot.put("unknownPayer", policy.unknownPayer());
        snapshot.put("unknownPartner", policy.unknownPartner());
        return Collections.unmodifiableMap(snapshot);
    }
}
