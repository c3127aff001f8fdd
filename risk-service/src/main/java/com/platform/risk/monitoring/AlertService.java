package com.platform.risk.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.platform.risk.support.RiskException;
import com.platform.starter.audit.AuditTrail;
import com.platform.starter.security.CurrentCaller;

/** R5 use cases of risk officers: define indicators, acknowledge and resolve alerts; audited. */
@Service
class AlertService {

    static final Duration MIN_WINDOW = Duration.ofMinutes(1);
    static final Duration MAX_WINDOW = Duration.ofDays(31);

    private final Indicators indicators;
    private final Alerts alerts;
    private final AlertEvents events;
    private final AlertNotifier notifier;
    private final AuditTrail audit;
    private final Clock clock;

    AlertService(Indicators indicators, Alerts alerts, AlertEvents events, AlertNotifier notifier, AuditTrail audit,
            Clock clock) {
        this.indicators = indicators;
        this.alerts = alerts;
        this.events = events;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Indicator define(String name, Metric metric, String scope, Duration window, BigDecimal warning,
            BigDecimal critical, boolean autoResolve) {
        if (scope.startsWith("PARTNER:") && metric == Metric.VIOLATIONS) {
            throw new RiskException.InvalidField("scope", "VIOLATIONS are counted for the PLATFORM scope only");
        }
        if (critical.compareTo(warning) < 0) {
            throw new RiskException.InvalidField("criticalThreshold", "must be at least the warning threshold");
        }
        Indicator indicator = new Indicator(UUID.randomUUID(), name, metric, scope, window, warning, critical,
                autoResolve, CurrentCaller.get().actor(), clock.instant(), null);
        indicators.insert(indicator);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        state.put("metric", metric);
        state.put("scope", scope);
        state.put("window", window.toString());
        state.put("warningThreshold", warning);
        state.put("criticalThreshold", critical);
        state.put("autoResolve", autoResolve);
        audit.record("indicator.defined", "indicator", indicator.id().toString(), null, state);
        return indicator;
    }

    @Transactional
    Alert acknowledge(UUID id) {
        Alert before = alerts.findForUpdate(id).orElseThrow(AlertService::notFound);
        Alert after = before.acknowledge(CurrentCaller.get().actor(), clock.instant());
        alerts.update(after);
        audit.record("alert.acknowledged", "alert", id.toString(), snapshot(before), snapshot(after));
        return after;
    }

    @Transactional
    Alert resolve(UUID id, String resolution) {
        Alert before = alerts.findForUpdate(id).orElseThrow(AlertService::notFound);
        Instant now = clock.instant();
        Alert after = before.resolve(CurrentCaller.get().actor(), resolution, now);
        alerts.update(after);
        events.record(AlertEvents.RESOLVED, after, now);
        audit.record("alert.resolved", "alert", id.toString(), snapshot(before), snapshot(after));
        return after;
    }

    /** Mails the resolution right away (after the commit); the job catches up if SMTP is down. */
    void notifyPending() {
        notifier.sendPending();
    }

    static RiskException notFound() {
        return new RiskException.NotFound("ALERT_NOT_FOUND", "No such alert.");
    }

    private static Map<String, Object> snapshot(Alert a) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("level", a.level());
        state.put("status", a.status());
        state.put("resolution", a.resolution());
        return state;
    }
}
