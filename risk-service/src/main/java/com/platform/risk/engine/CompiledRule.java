package com.platform.risk.engine;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/**
 * One rule version's expression, compiled and planned once ({@link RuleCompiler}); {@link #evaluate} is
 * thread-safe and allocates little, so one instance serves every assessment.
 */
public final class CompiledRule {

    private final String expression;
    private final CelRuntime.Program program;

    private final String failure;

    CompiledRule(String expression, CelRuntime.Program program) {
        this.expression = expression;
        this.program = program;
        this.failure = null;
    }

    private CompiledRule(String expression, String failure) {
        this.expression = expression;
        this.program = null;
        this.failure = failure;
    }

    /** A rule that cannot run: every evaluation is an ERROR outcome with this reason. */
    public static CompiledRule failing(String expression, String failure) {
        return new CompiledRule(expression, failure);
    }

    public String expression() {
        return expression;
    }

    public Evaluation evaluate(Facts facts) {
        if (program == null) {
            return new Evaluation(Outcome.ERROR, failure);
        }
        try {
            Object result = program.eval(facts.resolver());
            if (result instanceof Boolean hit) {
                return hit ? Evaluation.HIT : Evaluation.NO_HIT;
            }
            return new Evaluation(Outcome.ERROR, "result is not a bool");
        }
        catch (CelEvaluationException e) {
            return new Evaluation(Outcome.ERROR, safe(e.getMessage()));
        }
        catch (RuntimeException e) {
            return new Evaluation(Outcome.ERROR, e.getClass().getSimpleName());
        }
    }

    private static String safe(String message) {
        if (message == null) {
            return "evaluation failed";
        }
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    /** The outcome and, for an error, why (CEL's message: names the operation, never a fact's value). */
    public record Evaluation(Outcome outcome, String error) {

        static final Evaluation HIT = new Evaluation(Outcome.HIT, null);
        static final Evaluation NO_HIT = new Evaluation(Outcome.NO_HIT, null);
    }
}
