package com.platform.partner.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;

/** P7 webhooks over HTTP, for the partner itself (its system's token, or the applicant's enterprise account). */
@RestController
class WebhookController {

    private final WebhookService service;

    WebhookController(WebhookService service) {
        this.service = service;
    }

    record SubscriptionRequest(@NotBlank @Size(max = 2000) String url,
            @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 64)
            @Pattern(regexp = "[a-z.-]+", message = "must be an event type such as transaction.paid") String> events) {
    }

    record WebhookView(UUID id, UUID partnerId, String url, List<String> events, Webhooks.Status status,
            String disabledReason, Instant disabledAt, Instant createdAt) {

        static WebhookView of(Webhooks.Webhook w) {
            return new WebhookView(w.id(), w.partnerId(), w.url(), w.events(), w.status(), w.disabledReason(),
                    w.disabledAt(), w.createdAt());
        }
    }

    record Subscribed(UUID id, String secret, String url, List<String> events, Webhooks.Status status) {
    }

    @PostMapping("/api/v1/partners/{id}/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('partner', 'enterprise')")
    Subscribed subscribe(@PathVariable UUID id, @Valid @RequestBody SubscriptionRequest request) {
        Webhooks.Webhook w = service.subscribe(id, request.url().strip(), request.events());
        return new Subscribed(w.id(), w.secret(), w.url(), w.events(), w.status());
    }

    @GetMapping("/api/v1/partners/{id}/webhooks")
    @PreAuthorize("hasAnyRole('partner', 'enterprise')")
    List<WebhookView> list(@PathVariable UUID id) {
        return service.list(id).stream().map(WebhookView::of).toList();
    }

    @GetMapping("/api/v1/partners/{id}/webhooks/{webhookId}")
    @PreAuthorize("hasAnyRole('partner', 'enterprise')")
    WebhookView read(@PathVariable UUID id, @PathVariable UUID webhookId) {
        return WebhookView.of(service.read(id, webhookId));
    }

    @PostMapping("/api/v1/partners/{id}/webhooks/{webhookId}/enable")
    @PreAuthorize("hasAnyRole('partner', 'enterprise')")
    WebhookView enable(@PathVariable UUID id, @PathVariable UUID webhookId) {
        return WebhookView.of(service.enable(id, webhookId));
    }

    @GetMapping("/api/v1/partners/{id}/webhooks/{webhookId}/deliveries")
    @PreAuthorize("hasAnyRole('partner', 'enterprise')")
    PageResponse<WebhookService.DeliveryView> deliveries(@PathVariable UUID id, @PathVariable UUID webhookId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.deliveries(id, webhookId, PageQuery.of(page, size));
    }

    @PostMapping("/api/v1/partners/{id}/webhooks/{webhookId}/deliveries/{deliveryId}/redelivery")
    @PreAuthorize("hasAnyRole('partner', 'enterprise')")
    WebhookService.DeliveryView redeliver(@PathVariable UUID id, @PathVariable UUID webhookId,
            @PathVariable UUID deliveryId) {
        Webhooks.Delivery d = service.redeliver(id, webhookId, deliveryId);
        return new WebhookService.DeliveryView(d.id(), d.messageId(), d.eventType(), d.status(), d.attempts(),
                d.nextAttemptAt(), d.lastStatusCode(), d.lastError(), d.createdAt(), List.of());
    }
}
