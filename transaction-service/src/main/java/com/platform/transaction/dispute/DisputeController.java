package com.platform.transaction.dispute;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.platform.starter.paging.PageQuery;
import com.platform.transaction.text.PlainText;
import com.platform.starter.paging.PageResponse;
import com.platform.starter.problem.PlatformException;
import com.platform.starter.security.CurrentCaller;
import com.platform.transaction.money.Money;
import com.platform.transaction.money.MoneyJson;

/** T7 disputes and T8 dispute queries. */
@RestController
class DisputeController {

    private final DisputeService disputes;

    DisputeController(DisputeService disputes) {
        this.disputes = disputes;
    }

    record OpenRequest(@NotBlank @PlainText @Size(max = 200) String reason, @NotBlank @PlainText @Size(max = 4000) String description,
            @Size(max = 20) List<@NotBlank @PlainText @Size(max = 1000) String> evidence) {
    }

    record ResolveRequest(@NotNull Dispute.Outcome outcome, MoneyJson refundAmount,
            @NotBlank @PlainText @Size(max = 2000) String reason, Boolean abusive) {
    }

    record DisputeView(UUID id, UUID transactionId, String payerId, UUID partnerId, String status, String reason,
            String description, List<String> evidence, Instant openedAt, Instant dueAt, boolean overdue,
            String outcome, MoneyJson refundAmount, String resolutionReason, Boolean abusive, Instant resolvedAt) {

        static DisputeView of(Dispute d, Instant now) {
            return new DisputeView(d.id(), d.transactionId(), d.payerId(), d.partnerId(), d.status().name(),
                    d.reason(), d.description(), d.evidence(), d.openedAt(), d.dueAt(), d.overdue(now),
                    d.outcome() == null ? null : d.outcome().name(), MoneyJson.of(d.refund()), d.resolutionReason(),
                    d.abusive(), d.resolvedAt());
        }
    }

    @PostMapping("/api/v1/transactions/{id}/disputes")
    @PreAuthorize("hasAnyRole('user', 'enterprise')")
    ResponseEntity<DisputeView> open(@PathVariable UUID id, @Valid @RequestBody OpenRequest request) {
        Dispute dispute = disputes.open(id, request.reason().strip(), request.description().strip(),
                request.evidence() == null ? List.of() : request.evidence(), CurrentCaller.get());
        return ResponseEntity.created(URI.create("/api/v1/disputes/" + dispute.id()))
                .body(DisputeView.of(dispute, disputes.now()));
    }

    @PostMapping("/api/v1/disputes/{id}/resolution")
    @PreAuthorize("hasRole('operator')")
    DisputeView resolve(@PathVariable UUID id, @Valid @RequestBody ResolveRequest request) {
        Money refund = null;
        if (request.outcome() == Dispute.Outcome.REFUND_PARTIAL) {
            refund = MoneyJson.required(request.refundAmount(), "refundAmount");
        }
        else if (request.refundAmount() != null) {
            throw PlatformException.invalidField("refundAmount", "only with outcome REFUND_PARTIAL");
        }
        Dispute resolved = disputes.resolve(id, new DisputeService.Resolution(request.outcome(), refund,
                request.reason().strip(), Boolean.TRUE.equals(request.abusive())), CurrentCaller.get());
        return DisputeView.of(resolved, disputes.now());
    }

    @GetMapping("/api/v1/disputes/{id}")
    @PreAuthorize("hasAnyRole('user', 'enterprise', 'partner', 'operator', 'auditor', 'admin')")
    DisputeView get(@PathVariable UUID id) {
        return DisputeView.of(disputes.get(id, CurrentCaller.get()), disputes.now());
    }

    @GetMapping("/api/v1/disputes")
    @PreAuthorize("hasAnyRole('user', 'enterprise', 'partner', 'operator', 'auditor', 'admin')")
    PageResponse<DisputeView> list(@RequestParam(required = false) Dispute.Status status,
            @RequestParam(required = false) UUID transactionId, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Instant now = disputes.now();
        return disputes.list(CurrentCaller.get(), status, transactionId, overdue, PageQuery.of(page, size))
                .map(d -> DisputeView.of(d, now));
    }
}
