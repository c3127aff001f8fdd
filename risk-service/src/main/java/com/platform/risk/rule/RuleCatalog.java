package com.platform.risk.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.platform.risk.engine.CompiledRule;
import com.platform.risk.engine.InvalidExpressionException;
import com.platform.risk.engine.RuleCompiler;
import com.platform.risk.engine.RuleSet;

/**
 * The rule set in force for an assessment. Which versions are in force is read from the database on every
 * assessment (one indexed query, so every instance sees an approval at once); each version is compiled and
 * planned once and its program cached by version id (versions never change, so the cache needs no invalidation,
 * only a bound: versions no longer in force are dropped when the set is read).
 */
@Component
public class RuleCatalog {

    private final Rules rules;
    private final RuleCompiler compiler;
    private final Map<UUID, CompiledRule> programs = new ConcurrentHashMap<>();

    RuleCatalog(Rules rules, RuleCompiler compiler) {
        this.rules = rules;
        this.compiler = compiler;
    }

    public RuleSet current() {
        List<RuleVersion> inForce = rules.inForce();
        List<RuleSet.Entry> entries = new ArrayList<>(inForce.size());
        for (RuleVersion version : inForce) {
            entries.add(new RuleSet.Entry(version.ref(), programs.computeIfAbsent(version.id(),
                    id -> compileStored(version.expression()))));
        }
        if (programs.size() > inForce.size() * 2 + 16) {
            programs.keySet().retainAll(inForce.stream().map(RuleVersion::id).toList());
        }
        return new RuleSet(entries);
    }

    /** A stored expression was valid when written; should it fail now, every evaluation is an ERROR outcome. */
    private CompiledRule compileStored(String expression) {
        try {
            return compiler.compile(expression);
        }
        catch (InvalidExpressionException e) {
            return CompiledRule.failing(expression, "stored expression no longer compiles: " + e.getMessage());
        }
    }
}
