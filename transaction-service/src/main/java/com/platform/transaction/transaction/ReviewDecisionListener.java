package com.platform.transaction.transaction;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.platform.starter.consumer.CloudEvents;
import com.platform.starter.consumer.IdempotentConsumer;
import com.platform.starter.consumer.InvalidEventException;
import com.platform.starter.outbox.CloudEventEnvelope;

/**
 * IN_REVIEW follows the review case (R3 -> T3): {@code risk.case-decided} from {@code platform.risk.v1} approves
 * or rejects the transaction. Applied once per event id; order-tolerant: the decision is stored first (one per
 * transaction, the first decision wins), so a decision that arrives before the transaction is visible here is
 * applied when the transaction is created, and one that arrives after the transaction left IN_REVIEW (cancelled by
 * the payer) changes nothing.
 */
@Component
class ReviewDecisionListener {

    static final String CONSUMER = "transaction-service.review-decisions";

    private final CloudEvents cloudEvents;
    private final IdempotentConsumer idempotent;
    private final TransactionService transactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReviewDecisionListener(CloudEvents cloudEvents, IdempotentConsumer idempotent, TransactionService transactions,
            JdbcTemplate jdbc, Clock clock) {
        this.cloudEvents = cloudEvents;
        this.idempotent = idempotent;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CaseDecided(String caseId, UUID transactionId, String decision, String reason) {
    }

    @KafkaListener(topics = "platform.risk.v1", groupId = CONSUMER)
    void on(String value) {
        CloudEventEnvelope event = cloudEvents.parse(value);
        if (!"risk.case-decided".equals(event.type())) {
            return;
        }
        CaseDecided data = cloudEvents.data(event, CaseDecided.class);
        if (data.transactionId() == null || data.caseId() == null
                || !("APPROVE".equals(data.decision()) || "REJECT".equals(data.decision()))) {
            throw new InvalidEventException("risk.case-decided " + event.id() + " lacks transactionId, caseId or decision");
        }
        idempotent.applyOnce(CONSUMER, event.id(), () -> {
            int stored = jdbc.update("""
                    insert into risk_case_decision (transaction_id, case_id, decision, reason, decided_at)
                    values (?, ?, ?, ?, ?) on conflict (transaction_id) do nothing
                    """, data.transactionId(), data.caseId(), data.decision(), data.reason(),
                    Timestamp.from(clock.instant()));
            if (stored == 0) {
                return;
            }
            boolean applied = transactions.decideReview(data.transactionId(), "APPROVE".equals(data.decision()),
                    data.reason() == null ? "review case " + data.caseId() : data.reason(),
                    "risk-case:" + data.caseId(), false);
            if (applied) {
                jdbc.update("update risk_case_decision set applied = true where transaction_id = ?",
                        data.transactionId());
            }
        });
    }
}
