package com.platform.risk.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.platform.starter.outbox.Outbox;

/** R6: alert events on {@code platform.risk.v1} (contracts.md), subject the alert id. */
@Component
class AlertEvents {

    static final String TOPIC = "platform.risk.v1";
    static final String RAISED = "risk.alert-raised";
    static final String ESCALATED = "risk.alert-escalated";
    static final String RESOLVED = "risk.alert-resolved";

    record AlertEvent(UUID alertId, UUID indicatorId, Metric metric, String scope, AlertLevel level, BigDecimal value,
            BigDecimal threshold, Instant occurredAt) {
    }

    private final Outbox outbox;

    AlertEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void record(String type, Alert a, Instant at) {
        outbox.record(TOPIC, "alert", a.id().toString(), type, new AlertEvent(a.id(), a.indicatorId(), a.metric(),
                a.scope(), a.level(), a.value(), a.threshold(), at));
    }
}
