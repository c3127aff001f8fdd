package com.platform.benchmarks.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import com.platform.benchmarks.stack.CpuMeter;
import com.platform.benchmarks.stack.RunRecord;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Two variants of one request (A and B) at the same open arrival rate, interleaved in steps of rising rate
 * (A then B, then B then A at the next rate, so that a drift of the machine's other load falls on both), so
 * their ratio is measured side by side in one run. Per step and variant: latency percentiles (HdrHistogram,
 * from Gatling's response times, whole milliseconds), errors, completed requests. The sustainable rate of a
 * variant is the highest step it served with no error, at least 95 % of the offered requests completed within
 * the step and p99 under the latency bound; the ratio of the two sustainable rates is the scenario's figure.
 * Per step and metered JVM also the CPU milliseconds it spent per completed request ({@link CpuMeter}, from the
 * step's first to its last response): what a request costs each JVM, which a shared machine's other load distorts
 * far less than the latency.
 *
 * <p>Settings (system properties, set by {@code ./platform bench} from the environment): {@code bench.rates}
 * (requests per second, comma-separated), {@code bench.step} (seconds per variant and rate),
 * {@code bench.warmup} (seconds of both variants before the first step), {@code bench.p99bound} (ms).
 */
public abstract class SideBySideSimulation extends Simulation {

    private final String scenarioName;
    private final String nameA;
    private final String nameB;
    private final int[] rates;
    private final int stepSeconds = Integer.getInteger("bench.step", 10);
    // a fresh JVM on these cores costs several times its warm CPU per request for minutes (C2 still compiling)
    private final int warmupSeconds = Integer.getInteger("bench.warmup", 60);
    private final long p99BoundMs;
    private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAccumulator> firstResponse = new ConcurrentHashMap<>();
    private final Map<String, LongAccumulator> lastResponse = new ConcurrentHashMap<>();
    private final RunRecord record;
    private final List<String> metered;
    private CpuMeter cpu;

    /**
     * @param metered the stack's components (as named in {@code .platform/run}) whose CPU per request is recorded
     */
    protected SideBySideSimulation(String scenarioName, String nameA, String nameB, String defaultRates,
            List<String> metered) {
        this(scenarioName, nameA, nameB, defaultRates, 100, metered);
    }

    /** @param defaultP99BoundMs the latency bound of a sustained step unless {@code bench.p99bound} says otherwise */
    protected SideBySideSimulation(String scenarioName, String nameA, String nameB, String defaultRates,
            long defaultP99BoundMs, List<String> metered) {
        this.p99BoundMs = Long.getLong("bench.p99bound", defaultP99BoundMs);
        this.scenarioName = scenarioName;
        this.nameA = nameA;
        this.nameB = nameB;
        this.rates = Arrays.stream(System.getProperty("bench.rates", defaultRates).split(","))
                .mapToInt(r -> Integer.parseInt(r.trim())).toArray();
        this.record = new RunRecord(scenarioName);
        this.metered = metered;
    }

    /** Call at the end of the subclass constructor, once the two requests can be built. */
    protected final void run(HttpRequestActionBuilder a, HttpRequestActionBuilder b) {
        record.markStarted();
        cpu = new CpuMeter(record.repository(), metered);
        HttpProtocolBuilder protocol = http.shareConnections().disableCaching().disableWarmUp();
        List<PopulationBuilder> phases = new ArrayList<>();
        phases.add(phase("warmup", nameA, a, rates[0], warmupSeconds));
        phases.add(phase("warmup", nameB, b, rates[0], warmupSeconds));
        for (int i = 0; i < rates.length; i++) {
            boolean aFirst = i % 2 == 0;
            phases.add(aFirst ? phase("step", nameA, a, rates[i], stepSeconds)
                    : phase("step", nameB, b, rates[i], stepSeconds));
            phases.add(aFirst ? phase("step", nameB, b, rates[i], stepSeconds)
                    : phase("step", nameA, a, rates[i], stepSeconds));
        }
        PopulationBuilder chain = phases.get(phases.size() - 1);
        for (int i = phases.size() - 2; i >= 0; i--) {
            chain = phases.get(i).andThen(chain);
        }
        setUp(chain).protocols(protocol);
    }

    private PopulationBuilder phase(String kind, String variant, HttpRequestActionBuilder request, int rate,
            int seconds) {
        String key = variant + "@" + rate;
        boolean recorded = kind.equals("step");
        return scenario(kind + " " + key)
                .exec(request.check(responseTimeInMillis().saveAs("rt"), status().is(expectedStatus())))
                .exec(session -> {
                    if (recorded) {
                        long now = System.nanoTime();
                        firstResponse.computeIfAbsent(key, k -> new LongAccumulator(Math::min, Long.MAX_VALUE))
                                .accumulate(now);
                        lastResponse.computeIfAbsent(key, k -> new LongAccumulator(Math::max, Long.MIN_VALUE))
                                .accumulate(now);
                        if (session.isFailed() || !session.contains("rt")) {
                            errors.computeIfAbsent(key, k -> new LongAdder()).increment();
                        }
                        else {
                            latencies.computeIfAbsent(key, k -> new ConcurrentHistogram(3))
                                    .recordValue(session.getLong("rt") * 1000);
                        }
                    }
                    return session;
                })
                .injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds)));
    }

    /** What the subclass measured, in one sentence for the record. */
    protected abstract String description();

    /** The status every request of both variants must answer to count as served. */
    protected int expectedStatus() {
        return 200;
    }

    /**
     * More figures for the record, measured after the steps in the same run (a database ceiling, say), given the
     * two sustainable rates; and the place to remove what the run left behind.
     */
    protected List<String> afterSteps(int sustainableA, int sustainableB) throws Exception {
        return List.of();
    }

    @Override
    public void after() {
        List<String> lines = new ArrayList<>();
        lines.add("| offered req/s | " + nameA + ": p50 / p90 / p99 / max ms, errors, completed | " + nameB
                + ": p50 / p90 / p99 / max ms, errors, completed | p99 " + nameB + " / " + nameA + " |");
        lines.add("|---:|---|---|---:|");
        int sustainableA = 0;
        int sustainableB = 0;
        boolean aFailedOnce = false;
        boolean bFailedOnce = false;
        for (int rate : rates) {
            Histogram ha = latencies.getOrDefault(nameA + "@" + rate, new Histogram(3));
            Histogram hb = latencies.getOrDefault(nameB + "@" + rate, new Histogram(3));
            long ea = errors(nameA + "@" + rate);
            long eb = errors(nameB + "@" + rate);
            boolean okA = sustained(ha, ea, rate);
            boolean okB = sustained(hb, eb, rate);
            aFailedOnce |= !okA;
            bFailedOnce |= !okB;
            if (okA && !aFailedOnce) {
                sustainableA = rate;
            }
            if (okB && !bFailedOnce) {
                sustainableB = rate;
            }
            String ratio = ha.getTotalCount() > 0 && hb.getTotalCount() > 0
                    ? String.format("%.2f", (double) hb.getValueAtPercentile(99) / ha.getValueAtPercentile(99))
                    : "-";
            lines.add(String.format("| %d | %s, %d, %d | %s, %d, %d | %s |", rate, RunRecord.percentiles(ha), ea,
                    ha.getTotalCount(), RunRecord.percentiles(hb), eb, hb.getTotalCount(), ratio));
        }
        int top = rates[rates.length - 1];
        cpu.close();
        if (!cpu.components().isEmpty()) {
            lines.add("");
            lines.add("CPU milliseconds per completed request (user + system time of the JVM from its step's first"
                    + " to its last response, divided by the requests completed):");
            lines.add("");
            StringBuilder header = new StringBuilder("| offered req/s |");
            StringBuilder rule = new StringBuilder("|---:|");
            for (String variant : List.of(nameA, nameB)) {
                for (String component : cpu.components()) {
                    header.append(' ').append(variant).append(": ").append(component).append(" |");
                    rule.append("---:|");
                }
            }
            lines.add(header.toString());
            lines.add(rule.toString());
            for (int rate : rates) {
                StringBuilder row = new StringBuilder("| " + rate + " |");
                for (String variant : List.of(nameA, nameB)) {
                    String key = variant + "@" + rate;
                    Histogram h = latencies.get(key);
                    for (String component : cpu.components()) {
                        OptionalDouble millis = h == null || h.getTotalCount() < 2 ? OptionalDouble.empty()
                                : cpu.cpuMillis(component, firstResponse.get(key).get(), lastResponse.get(key).get());
                        row.append(millis.isPresent()
                                ? String.format(" %.2f |", millis.getAsDouble() / h.getTotalCount()) : " - |");
                    }
                }
                lines.add(row.toString());
            }
        }
        lines.add("");
        lines.add(String.format("Sustainable (no error, >= 95 %% completed, p99 <= %d ms): %s %s req/s, %s %s req/s;"
                        + " %s / %s = **%s**.", p99BoundMs, nameA, atLeast(sustainableA, top), nameB,
                atLeast(sustainableB, top), nameB, nameA,
                sustainableA == 0 ? "n/a" : String.format("%.2f%s", (double) sustainableB / sustainableA,
                        sustainableA == top ? " (" + nameA + " not saturated at the top rate: an upper bound)" : "")));
        try {
            lines.addAll(afterSteps(sustainableA, sustainableB));
        }
        catch (Exception e) {
            lines.add("");
            lines.add("The measurement after the steps failed: " + e);
        }
        try {
            String note = System.getProperty("bench.note", "");
            record.append(description() + (note.isBlank() ? "" : " Stack: " + note + ".") + String.format(" Open injection (constant arrival rate), %d s per variant"
                    + " and rate after %d s of warm-up each, steps interleaved (ABBA).", stepSeconds, warmupSeconds),
                    lines);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String atLeast(int sustainable, int top) {
        return sustainable == top ? ">= " + top : String.valueOf(sustainable);
    }

    private long errors(String key) {
        LongAdder adder = errors.get(key);
        return adder == null ? 0 : adder.sum();
    }

    private boolean sustained(Histogram latency, long errorCount, int rate) {
        return errorCount == 0 && latency.getTotalCount() >= 0.95 * rate * stepSeconds
                && latency.getValueAtPercentile(99) <= p99BoundMs * 1000;
    }
}
