package com.platform.risk.rule;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.platform.risk.engine.RuleCompiler;
import com.platform.risk.support.RiskException;
import com.platform.starter.audit.AuditTrail;
import com.platform.starter.security.CurrentCaller;

/** R2 use cases: write rules and versions, approve the ones going live; each audited (lock order: rule, audit). */
@Service
public class RuleService {

    private final Rules rules;
    private final RuleCompiler compiler;
    private final AuditTrail audit;
    private final Clock clock;

    RuleService(Rules rules, RuleCompiler compiler, AuditTrail audit, Clock clock) {
        this.rules = rules;
        this.compiler = compiler;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Rule create(RuleDraft draft) {
        compiler.compile(draft.expression());
        Rule rule = Rule.create(draft, CurrentCaller.get().actor(), clock.instant());
        rules.save(rule, true);
        audit.record("rule.created", "rule", rule.id().toString(), null, snapshot(rule.latest()));
        return rule;
    }

    @Transactional
    public Rule change(UUID id, RuleDraft draft) {
        compiler.compile(draft.expression());
        Rule rule = rules.findForUpdate(id).orElseThrow(() -> notFound());
        RuleVersion before = rule.active().orElse(null);
        RuleVersion version = rule.addVersion(draft, CurrentCaller.get().actor(), clock.instant());
        rules.save(rule, false);
        audit.record("rule.version-created", "rule", id.toString(), before == null ? null : snapshot(before),
                snapshot(version));
        return rule;
    }

    @Transactional
    public Rule approve(UUID id, Integer version) {
        Rule rule = rules.findForUpdate(id).orElseThrow(() -> notFound());
        RuleVersion before = rule.active().orElse(null);
        RuleVersion approved = rule.approve(CurrentCaller.get().actor(), version, clock.instant());
        rules.save(rule, false);
        audit.record("rule.approved", "rule", id.toString(), before == null ? null : snapshot(before),
                snapshot(approved));
        return rule;
    }

    static RiskException notFound() {
        return new RiskException.NotFound("RULE_NOT_FOUND", "No such rule.");
    }

    static Map<String, Object> snapshot(RuleVersion v) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("version", v.version());
        state.put("name", v.name());
        state.put("expression", v.expression());
        state.put("score", v.score());
        state.put("action", v.action());
        state.put("mode", v.mode());
        state.put("status", v.status());
        state.put("author", v.author());
        if (v.approvedBy() != null) {
            state.put("approvedBy", v.approvedBy());
        }
        return state;
    }
}
