package com.platform.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * What a launcher killed with SIGKILL leaves behind: its children run in their own sessions and keep their ports.
 * Each child is recorded in {@code .platform/run/NAME.pid} with its start time; the next start stops every
 * recorded process that is still the same process (same pid and start time, so a reused pid is never touched),
 * the services before the infrastructure, and then a PostgreSQL server still running on the stack's data directory
 * (pg_ctl detaches it from the child that started it).
 */
final class Leftovers {

    private static final Set<String> INFRASTRUCTURE = Set.of("postgres", "kafka", "keycloak", "mail", "simulator");

    private Leftovers() {
    }

    static void record(StackLayout layout, String name, ProcessHandle process) {
        try {
            Files.createDirectories(layout.pids());
            Instant started = process.info().startInstant().orElse(Instant.EPOCH);
            Files.writeString(pidFile(layout, name), process.pid() + " " + started.toEpochMilli() + "\n");
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot record the pid of " + name, e);
        }
    }

    static void forget(StackLayout layout, String name) {
        try {
            Files.deleteIfExists(pidFile(layout, name));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the pid file of " + name, e);
        }
    }

    /** Stops what an earlier launcher of this stack left running; returns a line per process it stopped. */
    static List<String> stop(StackLayout layout) throws IOException {
        List<String> stopped = new ArrayList<>();
        if (Files.isDirectory(layout.pids())) {
            List<Path> files;
            try (Stream<Path> entries = Files.list(layout.pids())) {
                files = entries.filter(file -> file.toString().endsWith(".pid")).sorted().toList();
            }
            // services and gateway first: they hold connections to the infrastructure
            List<Path> ordered = new ArrayList<>(files.stream().filter(file -> !isInfrastructure(file)).toList());
            ordered.addAll(files.stream().filter(Leftovers::isInfrastructure).toList());
            for (Path file : ordered) {
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                recorded(file).ifPresent(process -> {
                    stopped.add(name + " (pid " + process.pid() + ")");
                    stopTree(process);
                });
                Files.deleteIfExists(file);
            }
        }
        postmaster(layout).ifPresent(process -> {
            stopped.add("postgres server (pid " + process.pid() + ")");
            stopTree(process);
        });
        return stopped;
    }

    /** Stops a process and all its descendants (Keycloak's script starts its JVM): politely, then by force. */
    static void stopTree(ProcessHandle process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        CompletableFuture<ProcessHandle> exited = process.onExit();
        try {
            exited.get(25, TimeUnit.SECONDS);
        }
        catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static boolean isInfrastructure(Path pidFile) {
        return INFRASTRUCTURE.contains(pidFile.getFileName().toString().replaceFirst("\\.pid$", ""));
    }

    private static Optional<ProcessHandle> recorded(Path pidFile) throws IOException {
        String[] fields = Files.readString(pidFile).trim().split(" ");
        if (fields.length != 2) {
            return Optional.empty();
        }
        long started = Long.parseLong(fields[1]);
        return ProcessHandle.of(Long.parseLong(fields[0]))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == started);
    }

    /** The server's own pid file in our data directory names it; only a live postgres process counts. */
    private static Optional<ProcessHandle> postmaster(StackLayout layout) throws IOException {
        Path pidFile = layout.data("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().trim().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres"))
                        .orElse(false));
    }

    private static Path pidFile(StackLayout layout, String name) {
        return layout.pids().resolve(name + ".pid");
    }
}
