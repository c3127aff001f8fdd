package com.platform.user.violation;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.platform.starter.consumer.CloudEvents;
import com.platform.starter.consumer.IdempotentConsumer;
import com.platform.starter.consumer.InvalidEventException;
import com.platform.starter.outbox.CloudEventEnvelope;
import com.platform.user.account.UserAccounts;

/**
 * U8: violations reported by other services' events. A risk case decided with confirmed fraud is a SEVERE
 * fraudulent-transaction violation of the payer; a dispute resolved as abusive is a MAJOR abusive-dispute
 * violation. Each event is applied once (processed-event table) and each case or dispute gives at most one
 * violation (unique source reference). Events about people without an account here are skipped.
 */
@Component
class ReportedViolationsListener {

    static final String RISK_TOPIC = "platform.risk.v1";
    static final String TRANSACTIONS_TOPIC = "platform.transactions.v1";
    static final String CONSUMER = "user-service.violations";

    private static final Logger log = LoggerFactory.getLogger(ReportedViolationsListener.class);

    private final CloudEvents cloudEvents;
    private final IdempotentConsumer idempotent;
    private final ViolationService violations;
    private final UserAccounts accounts;

    ReportedViolationsListener(CloudEvents cloudEvents, IdempotentConsumer idempotent, ViolationService violations,
            UserAccounts accounts) {
        this.cloudEvents = cloudEvents;
        this.idempotent = idempotent;
        this.violations = violations;
        this.accounts = accounts;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RiskCaseDecided(UUID caseId, UUID payerId, boolean fraudConfirmed, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DisputeResolved(UUID disputeId, UUID payerId, boolean abusive, String reason) {
    }

    @KafkaListener(topics = RISK_TOPIC, groupId = "user-service.violations")
    void onRisk(String value) {
        CloudEventEnvelope event = cloudEvents.parse(value);
        if (!"risk.case-decided".equals(event.type())) {
            return;
        }
        RiskCaseDecided data = cloudEvents.data(event, RiskCaseDecided.class);
        if (!data.fraudConfirmed()) {
            seen(event);
            return;
        }
        require(data.caseId() != null && data.payerId() != null, event, "caseId and payerId");
        apply(event, new Violation.Report(data.payerId(), ViolationType.FRAUDULENT_TRANSACTION.name(),
                Severity.SEVERE, true, describe("Fraud confirmed by risk case " + data.caseId(), data.reason()),
                null, Violation.Source.RISK_CASE, data.caseId().toString(), event.source()));
    }

    @KafkaListener(topics = TRANSACTIONS_TOPIC, groupId = "user-service.violations")
    void onTransaction(String value) {
        CloudEventEnvelope event = cloudEvents.parse(value);
        if (!"dispute.resolved".equals(event.type())) {
            return;
        }
        DisputeResolved data = cloudEvents.data(event, DisputeResolved.class);
        if (!data.abusive()) {
            seen(event);
            return;
        }
        require(data.disputeId() != null && data.payerId() != null, event, "disputeId and payerId");
        apply(event, new Violation.Report(data.payerId(), ViolationType.ABUSIVE_DISPUTE.name(), Severity.MAJOR,
                false, describe("Dispute " + data.disputeId() + " resolved as abusive", data.reason()), null,
                Violation.Source.DISPUTE, data.disputeId().toString(), event.source()));
    }

    /** An event that calls for no violation is recorded as processed too: the record says it was read and judged. */
    private void seen(CloudEventEnvelope event) {
        idempotent.applyOnce(CONSUMER, event.id(), () -> { });
    }

    private void apply(CloudEventEnvelope event, Violation.Report report) {
        idempotent.applyOnce(CONSUMER, event.id(), () -> {
            if (accounts.find(report.userId()).isEmpty()) {
                log.warn("{} {} concerns no account here; skipped", event.type(), event.id());
                return;
            }
            violations.record(report);
        });
    }

    private static void require(boolean present, CloudEventEnvelope event, String fields) {
        if (!present) {
            throw new InvalidEventException(event.type() + " " + event.id() + " lacks " + fields);
        }
    }

    private static String describe(String what, String reason) {
        return reason == null || reason.isBlank() ? what : what + ": " + reason;
    }
}
