package com.platform.benchmarks.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * Where and when a benchmark ran (date, cores, CPU model, load average at the start and the end, git commit) and
 * the appending of its figures to {@code docs/performance.md}, under "Runs of ./platform bench". A figure without
 * its machine and load is not comparable on these shared machines, so every entry carries them.
 */
public final class RunRecord {

    static final String RUNS_HEADING = "## Runs of ./platform bench";

    private final Path repository;
    private final String scenario;
    private final Instant started = Instant.now();
    private final String loadAtStart = loadAverage();

    public RunRecord(String scenario) {
        this.repository = Path.of(System.getProperty("bench.repository", System.getenv().getOrDefault(
                "PLATFORM_REPOSITORY", "."))).toAbsolutePath().normalize();
        this.scenario = scenario;
    }

    /**
     * Tells {@code ./platform bench} that the load starts now (it starts its profile of the service JVMs after
     * the warm-up that follows): a file {@code .platform/bench/SCENARIO.started}.
     */
    public void markStarted() {
        try {
            Path marker = repository.resolve(".platform/bench/" + scenario + ".started");
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, Instant.now().toString());
        }
        catch (IOException e) {
            System.out.println("could not mark the start for the profiler: " + e.getMessage());
        }
    }

    public Path repository() {
        return repository;
    }

    /** The 1, 5 and 15 minute load averages of the machine now. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (IOException e) {
            return "unknown";
        }
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        }
        catch (IOException e) {
            return "unknown";
        }
    }

    String commit() {
        try {
            Process git = new ProcessBuilder("git", "-C", repository.toString(), "describe", "--always", "--dirty",
                    "--abbrev=10").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "unknown";
        }
        catch (IOException e) {
            return "unknown";
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** "p50 / p90 / p99 / max" in milliseconds of a histogram recorded in microseconds. */
    public static String percentiles(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format("%s / %s / %s / %s", ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()));
    }

    static String ms(long micros) {
        return micros >= 100_000 ? String.valueOf(Math.round(micros / 1000.0))
                : String.format("%.1f", micros / 1000.0);
    }

    /** Appends one run (a title line, what was run, the figures as markdown lines) and prints it. */
    public void append(String what, List<String> lines) throws IOException {
        StringBuilder entry = new StringBuilder();
        entry.append("\n### ").append(scenario).append(", ")
                .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
                        .format(started)).append("\n\n");
        entry.append(String.format("Machine: %d cores, %s; load average %s at the start, %s at the end; commit %s.%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), loadAtStart, loadAverage(), commit()));
        entry.append(what).append("\n\n");
        lines.forEach(line -> entry.append(line).append('\n'));
        System.out.println(entry);
        Path doc = repository.resolve("docs/performance.md");
        String text = Files.readString(doc);
        if (!text.contains(RUNS_HEADING)) {
            Files.writeString(doc, "\n" + RUNS_HEADING + "\n\nAppended by each run, newest last; the sections above"
                    + " explain them.\n", StandardOpenOption.APPEND);
        }
        Files.writeString(doc, entry.toString(), StandardOpenOption.APPEND);
    }
}
