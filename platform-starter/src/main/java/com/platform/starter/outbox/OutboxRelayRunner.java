package com.platform.starter.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Drives the relay on its own thread: again at once while batches come back full, after the poll interval when
 * idle, and with a doubling back-off (up to the maximum) while Kafka or the database fails. Stops before the
 * Kafka producer and the data source close.
 */
public class OutboxRelayRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayRunner.class);

    private final OutboxRelay relay;
    private final OutboxProperties properties;
    private ScheduledExecutorService executor;
    private volatile boolean running;
    private Duration backoff;

    public OutboxRelayRunner(OutboxRelay relay, OutboxProperties properties) {
        this.relay = relay;
        this.properties = properties;
        this.backoff = properties.pollInterval();
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        executor.schedule(this::cycle, 0, TimeUnit.MILLISECONDS);
    }

    private void cycle() {
        if (!running) {
            return;
        }
        Duration next = properties.pollInterval();
        try {
            OutboxRelay.BatchResult result = relay.relayBatch();
            if (result.failed() > 0) {
                next = nextBackoff();
            }
            else {
                backoff = properties.pollInterval();
                if (result.read() == properties.batchSize()) {
                    next = Duration.ZERO;
                }
            }
        }
        catch (RuntimeException e) {
            next = nextBackoff();
            log.warn("Outbox relay cycle failed; next attempt in {} ms", next.toMillis(), e);
        }
        if (running) {
            executor.schedule(this::cycle, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private Duration nextBackoff() {
        backoff = backoff.multipliedBy(2).compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff()
                : backoff.multipliedBy(2);
        return backoff;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (executor != null) {
            // Interrupt a cycle that waits on a gone database or broker: its transaction rolls back, nothing is lost.
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stop before the Kafka producer factory and after web traffic has drained.
        return Integer.MAX_VALUE - 2048;
    }
}
