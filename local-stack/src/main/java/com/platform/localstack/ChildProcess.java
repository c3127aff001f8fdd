package com.platform.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A component that runs as a child process, its output appended to its own log file. */
final class ChildProcess implements Component {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final String address;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path log;
    private final BooleanSupplier health;
    private Process process;

    ChildProcess(String name, String address, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path log, BooleanSupplier health) {
        this.name = name;
        this.address = address;
        this.command = command;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        this.log = log;
        this.health = health;
    }

    @Override
    public String name() {
        return name;
    }

    Map<String, String> environment() {
        return environment;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public void start() throws IOException {
        Files.createDirectories(log.getParent());
        List<String> fullCommand = new java.util.ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // Its own session: Ctrl-C reaches only the launcher, which then stops everything in order.
            fullCommand.add(SETSID.toString());
        }
        fullCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(fullCommand)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
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
        if (process == null || !process.isAlive()) {
            return;
        }
        // Children of children (Keycloak's shell script starts its JVM) must go too.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(25, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
