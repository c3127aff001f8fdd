package com.platform.starter.support;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Housekeeping that runs on its own daemon thread while the application runs (purges of old rows). */
public class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration period;
    private final Runnable task;
    private ScheduledExecutorService executor;

    public PeriodicTask(String name, Duration period, Runnable task) {
        this.name = name;
        this.period = period;
        this.task = task;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runSafely, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            task.run();
        }
        catch (RuntimeException e) {
            log.warn("{} failed; next run in {}", name, period, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }
}
