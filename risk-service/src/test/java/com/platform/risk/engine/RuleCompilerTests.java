package com.platform.risk.engine;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleCompilerTests {

    private final RuleCompiler compiler = new RuleCompiler();

    @Test
    void evaluatesARuleOverTheVocabulary() {
        CompiledRule rule = compiler.compile("payer.level < 2 && tx.amount > 100.0 && partner.grade != \"D\"");
        assertThat(rule.evaluate(TestFacts.ordinary().build()).outcome()).isEqualTo(Outcome.NO_HIT);
        assertThat(rule.evaluate(TestFacts.ordinary().set(RuleVariable.PAYER_LEVEL, 1).build()).outcome())
                .isEqualTo(Outcome.HIT);
    }

    @Test
    void everyVariableOfTheVocabularyCanBeUsed() {
        CompiledRule rule = compiler.compile("""
                tx.type == "ECOMMERCE" && tx.amount > 0.0 && tx.currency == "CNY" && tx.hourOfDay >= 0
                && payer.level >= 0 && payer.status == "ACTIVE" && payer.accountAgeDays > 0
                && payer.activeViolations == 0 && partner.grade in ["A", "B"] && partner.status == "ACTIVE"
                && velocity.count1h < 5 && velocity.count24h < 10 && velocity.amount24h < 1000.0
                && !watch.user && !watch.document && !watch.device && !watch.ip""");
        assertThat(rule.evaluate(TestFacts.ordinary().build()).outcome()).isEqualTo(Outcome.HIT);
    }

    @Test
    void anUnknownVariableIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> compiler.compile("tx.amount > 10.0 && payer.nickname == \"x\""))
                .isInstanceOfSatisfying(InvalidExpressionException.class, e -> {
                    ExpressionIssue issue = e.issues().get(0);
                    assertThat(issue.line()).isEqualTo(1);
                    // CEL points at the start of the unresolvable name
                    assertThat(issue.column()).isEqualTo(21);
                    assertThat(issue.message()).contains("payer");
                });
    }

    @Test
    void aSyntaxErrorNamesLineAndColumn() {
        assertThatThrownBy(() -> compiler.compile("tx.amount > 10.0 &&\n  (payer.level == "))
                .isInstanceOfSatisfying(InvalidExpressionException.class, e -> {
                    assertThat(e.issues().get(0).line()).isEqualTo(2);
                    assertThat(e.issues().get(0).column()).isGreaterThan(1);
                });
    }

    @Test
    void aTypeErrorIsRefused() {
        assertThatThrownBy(() -> compiler.compile("payer.level == \"L2\""))
                .isInstanceOfSatisfying(InvalidExpressionException.class,
                        e -> assertThat(e.issues().get(0).column()).isGreaterThan(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tx.amount", "payer.level + 1", "\"yes\"", "[true]"})
    void aResultThatIsNotABoolIsRefused(String expression) {
        assertThatThrownBy(() -> compiler.compile(expression)).isInstanceOf(InvalidExpressionException.class);
    }

    @Test
    void sizeAndNestingAreBounded() {
        String huge = "tx.amount > 1.0" + " && tx.amount > 1.0".repeat(200);
        assertThatThrownBy(() -> compiler.compile(huge)).isInstanceOf(InvalidExpressionException.class);
        String deep = "payer.level" + " + (payer.level".repeat(40) + ")".repeat(40) + " > 0";
        assertThatThrownBy(() -> compiler.compile(deep)).isInstanceOf(InvalidExpressionException.class);
        String parentheses = "(".repeat(500) + "true" + ")".repeat(500);
        assertThatThrownBy(() -> compiler.compile(parentheses)).isInstanceOf(InvalidExpressionException.class);
    }

    @Test
    void comprehensionsAreNotAvailable() {
        assertThatThrownBy(() -> compiler.compile("[1, 2, 3].exists(x, x > payer.level)"))
                .isInstanceOf(InvalidExpressionException.class);
    }

    @Test
    void anEvaluationErrorIsAnErrorOutcomeNeverANoHit() {
        CompiledRule rule = compiler.compile("velocity.count1h / (payer.level - 2) > 1");
        CompiledRule.Evaluation evaluation = rule.evaluate(TestFacts.ordinary().build());
        assertThat(evaluation.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(evaluation.error()).isNotBlank();
    }

    @Test
    void unicodeInStringLiteralsIsText() {
        CompiledRule rule = compiler.compile("tx.type == \"电商\" || payer.status == \"ÄCTIVE ✓\"");
        assertThat(rule.evaluate(TestFacts.ordinary().build()).outcome()).isEqualTo(Outcome.NO_HIT);
    }

    @Test
    void factsRefuseAMissingOrUnknownVariable() {
        assertThatThrownBy(() -> Facts.of(Map.of("tx.amount", 1.0))).isInstanceOf(IllegalArgumentException.class);
        Map<String, Object> extra = new java.util.HashMap<>(TestFacts.ordinary().build().activation());
        extra.put("tx.secret", 1);
        assertThatThrownBy(() -> Facts.of(extra)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storedFactsEvaluateAsTheOriginal() {
        Facts original = TestFacts.ordinary().build();
        Map<String, Object> asJson = new java.util.HashMap<>(original.activation());
        asJson.put("payer.level", 2);       // JSON gives ints back as Integer
        asJson.put("velocity.amount24h", 300);
        assertThat(Facts.of(asJson)).isEqualTo(original);
    }
}
