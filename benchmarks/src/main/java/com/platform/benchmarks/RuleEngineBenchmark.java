package com.platform.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import com.platform.risk.decision.DecisionPolicy;
import com.platform.risk.engine.Action;
import com.platform.risk.engine.Facts;
import com.platform.risk.engine.RuleCompiler;
import com.platform.risk.engine.RuleMode;
import com.platform.risk.engine.RuleOutcome;
import com.platform.risk.engine.RuleRef;
import com.platform.risk.engine.RuleSet;
import com.platform.risk.engine.RuleVariable;

/**
 * R1 target: evaluating 50 compiled rules over one transaction, p99 at most 50 us on 2 cores. The 50 rules are
 * the 17 default rules plus variants of them with other thresholds (typical one- to three-clause rules over the
 * vocabulary), compiled once; one invocation evaluates all 50 over one transaction's facts and applies the
 * decision policy, as an assessment does (without its database work). Sample-time mode reports percentiles.
 * Run: {@code ./mvnw -pl benchmarks -am verify -Prun-benchmarks -DskipTests -Dspring-boot.repackage.skip=true}
 * (the skip keeps risk-service's jar a plain jar on the benchmark's class path).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class RuleEngineBenchmark {

    static final String[] BASE = {
        "payer.level <= 1 && tx.amount > %d.0",
        "payer.level == 2 && tx.amount > %d.0",
        "tx.type == \"FINANCIAL\" && payer.level < 2 && tx.amount > %d.0",
        "velocity.count1h >= %d",
        "velocity.count24h >= %d",
        "velocity.amount24h + tx.amount > %d.0",
        "payer.accountAgeDays < %d && tx.amount > 500.0",
        "watch.user || watch.document || velocity.count1h > %d",
        "watch.device || watch.ip || tx.hourOfDay == %d",
        "partner.grade == \"D\" || velocity.count24h > %d",
        "partner.status in [\"ADMITTED\", \"SUSPENDED\", \"TERMINATED\"] || tx.amount > %d.0",
        "payer.status in [\"RESTRICTED\", \"SUSPENDED\", \"BANNED\", \"CLOSED\"] || payer.activeViolations > %d",
        "payer.activeViolations >= %d",
        "tx.currency != \"CNY\" && tx.amount > %d.0",
        "tx.hourOfDay < 6 && tx.amount > %d.0 && payer.accountAgeDays < 30",
    };

    RuleSet rules;
    Facts facts;
    DecisionPolicy policy;

    @Setup
    public void compile() {
        RuleCompiler compiler = new RuleCompiler();
        List<RuleSet.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String expression = BASE[i % BASE.length].formatted(1000 + 137 * i);
            RuleRef ref = new RuleRef(UUID.randomUUID(), 1, "rule-" + i, 10 + i % 50,
                    Action.values()[i % 3], i % 10 == 9 ? RuleMode.SHADOW : RuleMode.LIVE);
            entries.add(new RuleSet.Entry(ref, compiler.compile(expression)));
        }
        rules = new RuleSet(entries);
        facts = Facts.builder()
                .set(RuleVariable.TX_TYPE, "ECOMMERCE").set(RuleVariable.TX_AMOUNT, 1234.5)
                .set(RuleVariable.TX_CURRENCY, "CNY").set(RuleVariable.TX_HOUR_OF_DAY, 14)
                .set(RuleVariable.PAYER_LEVEL, 2).set(RuleVariable.PAYER_STATUS, "ACTIVE")
                .set(RuleVariable.PAYER_ACCOUNT_AGE_DAYS, 120).set(RuleVariable.PAYER_ACTIVE_VIOLATIONS, 0)
                .set(RuleVariable.PARTNER_GRADE, "B").set(RuleVariable.PARTNER_STATUS, "ACTIVE")
                .set(RuleVariable.VELOCITY_COUNT_1H, 2).set(RuleVariable.VELOCITY_COUNT_24H, 7)
                .set(RuleVariable.VELOCITY_AMOUNT_24H, 3500.0).set(RuleVariable.WATCH_USER, false)
                .set(RuleVariable.WATCH_DOCUMENT, false).set(RuleVariable.WATCH_DEVICE, false)
                .set(RuleVariable.WATCH_IP, false).build();
        policy = DecisionPolicy.DEFAULTS;
    }

    @Benchmark
    public Action evaluateFiftyRules() {
        List<RuleOutcome> outcomes = rules.evaluate(facts);
        return policy.decide(outcomes, true, true).decision();
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(RuleEngineBenchmark.class.getSimpleName()).build()).run();
    }
}
