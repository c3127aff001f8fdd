package com.platform.benchmarks.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * CPU time used by some of the local stack's JVMs (user + system, from {@code /proc/PID/stat}), sampled every
 * 50 ms, so that a benchmark can state what a request costs each JVM: on a machine shared with other work the
 * latency of a step measures the neighbours too, the CPU a JVM spent per request much less so. Linux only; a JVM
 * whose pid file or {@code /proc} entry cannot be read is left out.
 */
public final class CpuMeter implements AutoCloseable {

    /** {@code USER_HZ}: the unit of utime and stime, 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private record Sample(long nanos, long ticks) {
    }

    private final Map<String, Path> stats = new LinkedHashMap<>();
    private final Map<String, List<Sample>> samples = new LinkedHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    /** Meters the named components of the running stack (their pids from {@code .platform/run/NAME.pid}). */
    public CpuMeter(Path repository, List<String> components) {
        for (String name : components) {
            try {
                String pid = Files.readString(repository.resolve(".platform/run/" + name + ".pid")).trim()
                        .split("\\s+")[0];
                Path stat = Path.of("/proc", pid, "stat");
                if (Files.isReadable(stat)) {
                    stats.put(name, stat);
                    samples.put(name, new ArrayList<>());
                }
            }
            catch (IOException | RuntimeException e) {
                System.out.println("not metering the CPU of " + name + ": " + e.getMessage());
            }
        }
        sampler = Thread.ofPlatform().daemon().name("cpu-meter").start(this::sample);
    }

    /** The components metered. */
    public List<String> components() {
        return List.copyOf(stats.keySet());
    }

    /** CPU milliseconds a component used between two {@link System#nanoTime()} instants, if sampled then. */
    public OptionalDouble cpuMillis(String component, long fromNanos, long toNanos) {
        List<Sample> list = samples.get(component);
        if (list == null) {
            return OptionalDouble.empty();
        }
        synchronized (list) {
            Sample from = null;
            Sample to = null;
            for (Sample sample : list) {
                if (sample.nanos() <= fromNanos) {
                    from = sample;
                }
                if (to == null && sample.nanos() >= toNanos) {
                    to = sample;
                }
            }
            if (from == null || to == null) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of((to.ticks() - from.ticks()) * 1000 / TICKS_PER_SECOND);
        }
    }

    private void sample() {
        while (running) {
            sampleOnce();
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleOnce() {
        long now = System.nanoTime();
        stats.forEach((name, stat) -> {
            try {
                String line = Files.readString(stat);
                // the fields after the command name in parentheses (which may hold spaces): utime is the 14th
                String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                List<Sample> list = samples.get(name);
                synchronized (list) {
                    list.add(new Sample(now, ticks));
                }
            }
            catch (IOException | RuntimeException e) {
                // the JVM stopped: its samples end here
            }
        });
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1_000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // one sample after the last response, so that the last step has an end to measure to
        sampleOnce();
    }
}
