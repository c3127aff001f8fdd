package com.platform.starter.consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an event's effect at most once per consumer: the event id is recorded in {@code processed_event} in the
 * same transaction as the effect, so a redelivered event (Kafka is at-least-once) finds its id and changes
 * nothing, and a failed effect leaves no id behind and can be retried.
 */
public class IdempotentConsumer {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public IdempotentConsumer(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * @param consumer a stable name for the effect, e.g. {@code violations-from-fraud-cases}
     * @param eventId the CloudEvents id
     * @return {@code true} if the effect ran now, {@code false} if this event had already been applied
     */
    public boolean applyOnce(String consumer, String eventId, Runnable effect) {
        Boolean applied = transaction.execute(status -> {
            // A concurrent duplicate waits on the primary key until the first commits, then inserts nothing.
            int inserted = jdbc.update("""
                    insert into processed_event (consumer, event_id) values (?, ?)
                    on conflict do nothing
                    """, consumer, eventId);
            if (inserted == 0) {
                return false;
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }
}
