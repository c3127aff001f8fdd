package com.platform.risk.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R5: computes every due indicator over its sliding window, keeps the value, and raises, escalates or resolves
 * its alert ({@link AlertPolicy}): one transaction per indicator, claimed with {@code for update skip locked}, so
 * several instances share the work and never compute one indicator twice in an interval. Mails go afterwards.
 */
@Component
public class KriComputation {

    private static final Logger log = LoggerFactory.getLogger(KriComputation.class);

    private final Indicators indicators;
    private final Alerts alerts;
    private final AlertEvents events;
    private final AlertPolicy policy;
    private final AlertNotifier notifier;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration interval;

    KriComputation(Indicators indicators, Alerts alerts, AlertEvents events, AlertPolicy policy,
            AlertNotifier notifier, TransactionTemplate transaction, Clock clock,
            @Value("${risk.jobs.kri-computation:1m}") Duration interval) {
        this.indicators = indicators;
        this.alerts = alerts;
        this.events = events;
        this.policy = policy;
        this.notifier = notifier;
        this.transaction = transaction;
        this.clock = clock;
        this.interval = interval;
    }

    public Duration interval() {
        return interval;
    }

    /** One run of the job: every indicator not computed within the interval, then the pending mails. */
    public void computeDue() {
        for (UUID id : indicators.due(clock.instant(), interval)) {
            try {
                transaction.executeWithoutResult(status -> computeOne(id));
            }
            catch (RuntimeException e) {
                log.warn("Indicator {} could not be computed; next run retries: {}", id, e.getClass().getName());
            }
        }
        notifier.sendPending();
    }

    private void computeOne(UUID id) {
        Instant now = clock.instant();
        Optional<Indicator> claimed = indicators.claim(id, now, interval);
        if (claimed.isEmpty()) {
            return;
        }
        Indicator indicator = claimed.get();
        Indicators.Value value = indicators.compute(indicator, now);
        indicators.record(indicator, value);
        judge(indicator, value.value(), now);
    }

    /** The alert rules of {@link AlertPolicy} and {@link Alert}; the indicator row is locked (lock order). */
    private void judge(Indicator indicator, BigDecimal value, Instant now) {
        AlertLevel reached = indicator.levelOf(value);
        Optional<Alert> open = alerts.unresolvedForUpdate(indicator.id());
        if (open.isPresent()) {
            Alert alert = open.get();
            if (reached == AlertLevel.CRITICAL && alert.level() == AlertLevel.WARNING) {
                Alert escalated = alert.escalate(indicator, value, now);
                alerts.update(escalated);
                events.record(AlertEvents.ESCALATED, escalated, now);
            }
            else if (indicator.autoResolve() && policy.fellBack(indicator, value)) {
                Alert resolved = alert.resolve("system:auto-resolve", "value " + value.toPlainString()
                        + " fell back below the warning threshold less the hysteresis", now);
                alerts.update(resolved);
                events.record(AlertEvents.RESOLVED, resolved, now);
            }
            return;
        }
        if (reached == null) {
            return;
        }
        if (reached == AlertLevel.WARNING) {
            Optional<Instant> lastResolved = alerts.lastResolvedAt(indicator.id());
            if (lastResolved.isPresent() && lastResolved.get().plus(policy.coolDown()).isAfter(now)) {
                return;
            }
        }
        Alert raised = Alert.raise(indicator, reached, value, now);
        alerts.insert(raised);
        events.record(AlertEvents.RAISED, raised, now);
    }
}
