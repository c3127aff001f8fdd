package com.platform.risk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules moved from CEL's legacy interpreter to its planner runtime ({@link RuleCompiler}); this keeps the two in
 * agreement over the default rules' shapes and every kind of evaluation error (overflow, division by zero,
 * conversion, index, missing key), with the compiler configured as {@link RuleCompiler} configures it.
 */
class PlannerRuntimeEquivalenceTests {

    @Test
    void thePlannerRuntimeDecidesAsTheLegacyInterpreterDid() throws Exception {
        CelOptions options = CelOptions.current().maxExpressionCodePointSize(2000).maxParseRecursionDepth(48)
                .maxParseExpressionNodeCount(400).enableComprehension(false).build();
        CelCompilerBuilder b = CelCompilerFactory.standardCelCompilerBuilder().setOptions(options)
                .setStandardMacros(CelStandardMacro.HAS).setResultType(SimpleType.BOOL);
        for (RuleVariable v : RuleVariable.values()) {
            b.addVar(v.variable(), v.kind().celType());
        }
        CelCompiler compiler = b.build();
        CelRuntime legacy = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(options).build();
        CelRuntime planner = CelRuntimeFactory.plannerRuntimeBuilder()
                .setOptions(options.toBuilder().enableHeterogeneousNumericComparisons(true).build()).build();
        String[] expressions = {
            "payer.level <= 1 && tx.amount > 2000.0", "tx.type == \"FINANCIAL\" && payer.level < 2",
            "velocity.count1h >= 10", "velocity.amount24h + tx.amount > 100000.0",
            "watch.user || watch.document", "partner.status in [\"ADMITTED\", \"SUSPENDED\", \"TERMINATED\"]",
            "partner.grade == \"C\" || partner.status == \"PROBATION\"", "payer.activeViolations >= 3",
            "velocity.count1h / (payer.level - 2) > 1", "velocity.count24h * 9223372036854775807 > 0",
            "velocity.count1h - 9223372036854775807 - 10 < 0", "tx.amount / 0.0 > 1.0",
            "int(tx.amount) > 100", "double(payer.level) < tx.amount", "tx.currency.size() == 3",
            "tx.type.startsWith(\"E\") && !watch.ip", "tx.hourOfDay % 0 == 1", "payer.status.matches(\"^A.*\")",
            "tx.amount > 1.0 ? payer.level > 1 : watch.user", "has(tx.amount)", "payer.level in [1, 2, 3]",
            "string(payer.level) == \"2\"", "int(\"x\") > 1", "int(tx.amount * 1e30) > 1",
            "velocity.count1h / (payer.level - 2) > 1 || true", "false && velocity.count1h / (payer.level - 2) > 1",
            "uint(payer.level) > 1u", "[1, 2][payer.level] > 0", "{\"a\": 1}[tx.type] > 0",
        };
        List<Facts> facts = List.of(TestFacts.ordinary().build(),
                TestFacts.ordinary().set(RuleVariable.PAYER_LEVEL, 0).set(RuleVariable.TX_AMOUNT, 1e12)
                        .set(RuleVariable.PARTNER_STATUS, "SUSPENDED").set(RuleVariable.WATCH_IP, true).build(),
                TestFacts.ordinary().set(RuleVariable.VELOCITY_COUNT_1H, Long.MAX_VALUE)
                        .set(RuleVariable.TX_AMOUNT, Double.NaN).set(RuleVariable.PAYER_STATUS, "").build());
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (String expression : expressions) {
            var result = compiler.compile(expression);
            if (result.hasError()) {
                assertThat(expression).isEqualTo("has(tx.amount)");
                continue;
            }
            CelAbstractSyntaxTree ast = result.getAst();
            var l = legacy.createProgram(ast);
            var p = planner.createProgram(ast);
            for (Facts f : facts) {
                Map<String, Object> a = f.activation();
                String lr;
                String pr;
                try {
                    lr = String.valueOf(l.eval(a));
                }
                catch (Exception e) {
                    lr = "ERROR";
                }
                try {
                    pr = String.valueOf(p.eval(f.resolver()));
                }
                catch (Exception e) {
                    pr = "ERROR";
                }
                compared++;
                if (!lr.equals(pr)) {
                    differences.add(expression + " over " + a + ": legacy " + lr + ", planner " + pr);
                }
            }
        }
        assertThat(compared).isEqualTo((expressions.length - 1) * facts.size());
        assertThat(differences).isEmpty();
    }
}
