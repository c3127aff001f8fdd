package com.platform.risk.engine;

import java.util.ArrayList;
import java.util.List;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.validator.CelValidator;
import dev.cel.validator.CelValidatorFactory;
import dev.cel.validator.validators.AstDepthLimitValidator;

/**
 * Compiles rule expressions (R2): CEL, type-checked against exactly the variables of {@link RuleVariable}, with a
 * {@code bool} result. Bounds keep every rule cheap: at most {@link #MAX_LENGTH} code points, an AST at most
 * {@link #MAX_DEPTH} deep, and no comprehension macros ({@code all}, {@code exists}, {@code map},
 * {@code filter}): the facts are scalars, so a rule has no loop at all and its cost is linear in its size.
 * Thread-safe; build one and share it.
 */
public final class RuleCompiler {

    public static final int MAX_LENGTH = 2000;
    public static final int MAX_DEPTH = 24;
    public static final int MAX_NODES = 400;

    private final CelCompiler compiler;
    private final CelRuntime runtime;
    private final CelValidator validator;

    public RuleCompiler() {
        CelOptions options = CelOptions.current()
                .maxExpressionCodePointSize(MAX_LENGTH)
                .maxParseRecursionDepth(MAX_DEPTH * 2)
                .maxParseExpressionNodeCount(MAX_NODES)
                .enableComprehension(false)
                .build();
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.HAS)
                .setResultType(SimpleType.BOOL);
        for (RuleVariable variable : RuleVariable.values()) {
            builder.addVar(variable.variable(), variable.kind().celType());
        }
        compiler = builder.build();
        // The planner runtime (CEL's recommended one): each rule is planned once into a tree of evaluation nodes
        // that allocates little per evaluation. It requires heterogeneous numeric comparisons at run time; the
        // type checker above keeps refusing mixed int/double comparisons, so no checked expression changes meaning.
        runtime = CelRuntimeFactory.plannerRuntimeBuilder()
                .setOptions(options.toBuilder().enableHeterogeneousNumericComparisons(true).build())
                .build();
        validator = CelValidatorFactory.standardCelValidatorBuilder(compiler, runtime)
                .addAstValidators(AstDepthLimitValidator.newInstance(MAX_DEPTH))
                .build();
    }

    /**
     * @throws InvalidExpressionException naming line and column of each issue: a syntax error, an unknown
     *         variable, a type error, a result that is not a bool, or an expression beyond the bounds
     */
    public CompiledRule compile(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidExpressionException(List.of(new ExpressionIssue(1, 1, "the expression is empty")));
        }
        if (expression.codePointCount(0, expression.length()) > MAX_LENGTH) {
            throw new InvalidExpressionException(List.of(new ExpressionIssue(1, 1,
                    "the expression is longer than " + MAX_LENGTH + " characters")));
        }
        CelAbstractSyntaxTree ast;
        try {
            CelValidationResult compiled = compiler.compile(expression);
            if (compiled.hasError()) {
                throw new InvalidExpressionException(issues(compiled.getErrors()));
            }
            ast = compiled.getAst();
            CelValidationResult validated = validator.validate(ast);
            if (validated.hasError()) {
                throw new InvalidExpressionException(issues(validated.getErrors()));
            }
        }
        catch (CelValidationException e) {
            throw new InvalidExpressionException(issues(e.getErrors()));
        }
        catch (InvalidExpressionException e) {
            throw e;
        }
        catch (RuntimeException | StackOverflowError e) {
            // the parser's own limits (recursion, node count) surface as exceptions on pathological input
            throw new InvalidExpressionException(List.of(new ExpressionIssue(1, 1,
                    "the expression is too large or too deeply nested")));
        }
        try {
            return new CompiledRule(expression, runtime.createProgram(ast));
        }
        catch (CelEvaluationException e) {
            throw new InvalidExpressionException(List.of(new ExpressionIssue(1, 1, "cannot be planned")));
        }
    }

    private static List<ExpressionIssue> issues(List<CelIssue> issues) {
        List<ExpressionIssue> found = new ArrayList<>();
        for (CelIssue issue : issues) {
            int line = Math.max(1, issue.getSourceLocation().getLine());
            // CEL counts columns from 0
            int column = Math.max(0, issue.getSourceLocation().getColumn()) + 1;
            found.add(new ExpressionIssue(line, column, issue.getMessage()));
        }
        if (found.isEmpty()) {
            found.add(new ExpressionIssue(1, 1, "invalid expression"));
        }
        return found;
    }
}
