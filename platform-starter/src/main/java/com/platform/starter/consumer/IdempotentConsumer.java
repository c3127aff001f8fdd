package com.platform.starter.consumer;

import com.platform.starter.outbox.CloudEventEnvelope;

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

    /**
     * Like {@link #applyOnce}, and also skips an event that arrives after a newer one of the same subject: for
     * consumers that keep a view of another service's state (a late {@code created} must not re-open what a
     * {@code settled} closed). The newest applied {@code aggregatesequence} is kept per consumer, subject and
     * {@code scope} in {@code consumed_sequence}, in the effect's transaction; an event with a lower or equal
     * number is recorded as processed and its effect does not run. Events without a sequence (producers before
     * it existed) are applied as by {@link #applyOnce}.
     *
     * @param scope the part of the subject's state the effect sets, e.g. {@code transaction} or
     *        {@code dispute:<id>}: events of one subject that set different parts do not supersede each other
     * @return {@code true} if the effect ran now
     */
    public boolean applyInOrder(String consumer, CloudEventEnvelope event, String scope, Runnable effect) {
        Boolean applied = transaction.execute(status -> {
            int inserted = jdbc.update("""
                    insert into processed_event (consumer, event_id) values (?, ?)
                    on conflict do nothing
                    """, consumer, event.id());
            if (inserted == 0) {
                return false;
            }
            if (event.aggregatesequence() != null) {
                // The row lock orders concurrent events of one key; only a newer number moves it.
                int advanced = jdbc.update("""
                        insert into consumed_sequence (consumer, ordering_key, last_sequence) values (?, ?, ?)
                        on conflict (consumer, ordering_key) do update
                        set last_sequence = excluded.last_sequence, updated_at = now()
                        where consumed_sequence.last_sequence < excluded.last_sequence
                        """, consumer, event.subject() + "\n" + scope, event.aggregatesequence());
                if (advanced == 0) {
                    return false;
                }
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }
}
