package com.platform.risk.rule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.platform.risk.engine.CompiledRule;
import com.platform.risk.engine.InvalidExpressionException;
import com.platform.risk.engine.RuleCompiler;
import com.platform.risk.engine.RuleSet;

/**
 * The rule set in force for an assessment, compiled once per change of the rules and shared by every assessment
 * until the next change.
 *
 * <p>Every change of a rule version moves the rule-set generation (a row updated by a trigger in the change's own
 * transaction, migration V5). Each assessment reads the generation with one primary-key query and uses the cached
 * set only if it was built for exactly that number; otherwise it reads the versions in force and builds the set
 * again (compiling only versions it has not compiled before: a version's content never changes). The versions are
 * read after the generation, so a set is always at least as new as the number it is labelled with; a change that
 * has committed is therefore seen by the next assessment on every instance, whatever their caches hold, and an
 * instance whose cache is stale pays one reload, never a stale decision.
 */
@Component
public class RuleCatalog {

    private record Cached(long generation, RuleSet rules) {
    }

    private final Rules rules;
    private final RuleCompiler compiler;
    private final Map<UUID, CompiledRule> programs = new ConcurrentHashMap<>();
    private volatile Cached cached;

    RuleCatalog(Rules rules, RuleCompiler compiler) {
        this.rules = rules;
        this.compiler = compiler;
    }

    public RuleSet current() {
        long generation = rules.generation();
        Cached hit = cached;
        if (hit != null && hit.generation() == generation) {
            return hit.rules();
        }
        RuleSet loaded = load();
        // a racing reload may store an older label afterwards: the next assessment then reloads, nothing worse
        cached = new Cached(generation, loaded);
        return loaded;
    }

    private RuleSet load() {
        List<RuleVersion> inForce = rules.inForce();
        List<RuleSet.Entry> entries = new ArrayList<>(inForce.size());
        Set<UUID> ids = new HashSet<>();
        for (RuleVersion version : inForce) {
            ids.add(version.id());
            entries.add(new RuleSet.Entry(version.ref(), programs.computeIfAbsent(version.id(),
                    id -> compileStored(version.expression()))));
        }
        // versions no longer in force are dropped (each reload follows a change, so this stays rare)
        programs.keySet().retainAll(ids);
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
