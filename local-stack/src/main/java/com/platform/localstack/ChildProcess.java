package com.platform.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A component that runs as a child process, its output kept in its own size-capped log file. While it runs, a pid
 * file in {@code .platform/run} says it is ours, so that a start after a killed launcher can stop it
 * ({@link Leftovers}).
 */
final class ChildProcess implements Component {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final String address;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final StackLayout layout;
    private final BooleanSupplier health;
    private Process process;

    ChildProcess(String name, String address, List<String> command, Map<String, String> environment,
            Path workingDirectory, StackLayout layout, BooleanSupplier health) {
        this.name = name;
        this.address = address;
        this.command = command;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        this.layout = layout;
        this.health = health;
    }

    @Override
    public String name() {
        return name;
    }

    Map<String, String> environment() {
        return environment;
    }

    /** The command line it is started with (without the {@code setsid} in front). */
    List<String> command() {
        return command;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public void start() throws IOException {
        List<String> fullCommand = new java.util.ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // Its own session: Ctrl-C reaches only the launcher, which then stops everything in order.
            fullCommand.add(SETSID.toString());
        }
        fullCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(fullCommand)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        process = builder.start();
        Leftovers.record(layout, name, process.toHandle());
        RollingLog log = new RollingLog(layout.log(name), RollingLog.DEFAULT_MAX_BYTES, RollingLog.DEFAULT_KEEP);
        Thread.ofPlatform().daemon().name(name + "-log").start(() -> {
            try {
                log.copy(process.getInputStream());
            }
            catch (IOException e) {
                System.err.println("[local-stack] the log of " + name + " stopped: " + e.getMessage());
            }
        });
    }

    @Override
    public boolean healthy() {
        return process != null && process.isAlive() && health.getAsBoolean();
    }

    boolean exited() {
        return process != null && !process.isAlive();
    }

    @Override
    public void stop() {
        if (process == null) {
            return;
        }
        if (process.isAlive()) {
            Leftovers.stopTree(process.toHandle());
        }
        try {
            Leftovers.forget(layout, name);
        }
        catch (UncheckedIOException e) {
            System.err.println("[local-stack] " + e.getMessage());
        }
    }
}
