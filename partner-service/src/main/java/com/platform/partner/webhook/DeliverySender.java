package com.platform.partner.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.starter.audit.AuditTrail;

/**
 * Sends due deliveries (P7). Each run leases up to a batch of due deliveries ({@code for update skip locked}, so
 * instances never send the same one at once; the lease of an instance that died expires and another takes the
 * delivery over, so nothing is lost across restarts), sends each outside any transaction, then records the
 * attempt. A 2xx is delivered; anything else is retried after the next delay of the schedule; after the last one
 * the message has failed and the endpoint is disabled with the reason. A 410 disables it at once. Lock order when
 * recording: the webhook, then the delivery, then the audit entry.
 */
@Component
public class DeliverySender {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

    private final Webhooks webhooks;
    private final TargetPolicy targets;
    private final WebhookSettings settings;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final HttpClient http;

    DeliverySender(Webhooks webhooks, TargetPolicy targets, WebhookSettings settings, AuditTrail audit,
            TransactionTemplate transaction, Clock clock) {
        this.webhooks = webhooks;
        this.targets = targets;
        this.settings = settings;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends every delivery due now; returns how many attempts were made. */
    public int sendDue() {
        int attempts = 0;
        while (true) {
            Instant now = clock.instant();
            List<UUID> claimed = transaction.execute(status -> webhooks.claimDue(now, now.plus(settings.lease()), 20));
            if (claimed == null || claimed.isEmpty()) {
                return attempts;
            }
            for (UUID id : claimed) {
                attempt(id);
                attempts++;
            }
        }
    }

    record Result(Integer statusCode, String error, long durationMs) {

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private void attempt(UUID deliveryId) {
        Optional<Webhooks.Delivery> found = webhooks.delivery(deliveryId, false);
        if (found.isEmpty()) {
            return;
        }
        Webhooks.Delivery delivery = found.get();
        Webhooks.Webhook webhook = webhooks.find(delivery.webhookId(), false).orElseThrow();
        Result result = send(webhook, delivery);
        transaction.executeWithoutResult(status -> record(delivery.webhookId(), deliveryId, result));
    }

    private Result send(Webhooks.Webhook webhook, Webhooks.Delivery delivery) {
        Optional<String> refused = targets.refusal(webhook.url());
        if (refused.isPresent()) {
            return new Result(null, "target refused: the URL " + refused.get(), 0);
        }
        long timestamp = clock.instant().getEpochSecond();
        String signature = WebhookSignature.sign(webhook.secret(), delivery.messageId(), timestamp,
                delivery.payload());
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("webhook-id", delivery.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Result(response.statusCode(), null, elapsed(started));
        }
        catch (IOException e) {
            return new Result(null, e.getClass().getSimpleName(), elapsed(started));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted", elapsed(started));
        }
    }

    private static long elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    private void record(UUID webhookId, UUID deliveryId, Result result) {
        Webhooks.Webhook webhook = webhooks.find(webhookId, true).orElseThrow();
        Webhooks.Delivery delivery = webhooks.delivery(deliveryId, true).orElseThrow();
        if (delivery.status() != Webhooks.DeliveryStatus.PENDING) {
            return;
        }
        Instant now = clock.instant();
        int attemptInCycle = delivery.attempts() + 1;
        int number = webhooks.nextAttemptNumber(deliveryId);
        if (result.delivered()) {
            webhooks.recordAttempt(delivery, number, now, result.statusCode(), null, result.durationMs(),
                    Webhooks.DeliveryStatus.SUCCEEDED, null, attemptInCycle);
            return;
        }
        List<Duration> schedule = settings.retrySchedule();
        boolean gone = result.statusCode() != null && result.statusCode() == 410;
        boolean exhausted = attemptInCycle >= schedule.size();
        if (gone || exhausted) {
            webhooks.recordAttempt(delivery, number, now, result.statusCode(), result.error(), result.durationMs(),
                    Webhooks.DeliveryStatus.FAILED, null, attemptInCycle);
            if (webhook.status() == Webhooks.Status.ACTIVE) {
                String reason = gone ? "the endpoint answered 410 Gone to message " + delivery.messageId()
                        : "message " + delivery.messageId() + " failed all " + schedule.size() + " attempts (last: "
                                + (result.statusCode() != null ? "HTTP " + result.statusCode() : result.error())
                                + ")";
                webhooks.setStatus(webhookId, Webhooks.Status.DISABLED, reason, now);
                audit.recordAs("system:webhook-delivery", "webhook.disable", "webhook", webhookId.toString(),
                        Map.of("status", "ACTIVE"), Map.of("status", "DISABLED", "reason", reason));
                log.info("Webhook {} disabled: {}", webhookId, reason);
            }
            return;
        }
        Instant next = now.plus(schedule.get(attemptInCycle));
        webhooks.recordAttempt(delivery, number, now, result.statusCode(), result.error(), result.durationMs(),
                Webhooks.DeliveryStatus.PENDING, next, attemptInCycle);
    }
}
