package com.platform.transaction.transaction;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import com.platform.starter.idempotency.IdempotencyKeyRequired;
import com.platform.transaction.text.PlainText;
import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;
import com.platform.starter.problem.PlatformException;
import com.platform.starter.security.CurrentCaller;
import com.platform.transaction.ledger.JournalEntry;
import com.platform.transaction.ledger.Ledger;
import com.platform.transaction.money.Money;
import com.platform.transaction.money.MoneyJson;

/** Transactions of api.md (T1-T4, T6, T8): maps requests to commands and answers views. */
@RestController
@RequestMapping("/api/v1/transactions")
class TransactionController {

    private static final int MAX_DETAILS_JSON = 4000;

    private final TransactionService service;
    private final TransactionQueries queries;
    private final Ledger ledger;
    private final JsonMapper json;

    TransactionController(TransactionService service, TransactionQueries queries, Ledger ledger, JsonMapper json) {
        this.service = service;
        this.queries = queries;
        this.ledger = ledger;
        this.json = json;
    }

    record CreateRequest(@NotNull TransactionType type, @NotNull UUID partnerId, @NotNull MoneyJson amount,
            @NotBlank @PlainText @Size(max = 500) String description, Map<String, Object> details) {
    }

    @PostMapping
    @IdempotencyKeyRequired
    @PreAuthorize("hasAnyRole('user', 'enterprise')")
    ResponseEntity<TransactionView> create(@Valid @RequestBody CreateRequest request,
            @RequestHeader(name = "X-Device-Id", required = false) String deviceId, HttpServletRequest http) {
        Money amount = request.amount().toMoney("amount");
        if (request.details() != null && json.writeValueAsString(request.details()).length() > MAX_DETAILS_JSON) {
            throw PlatformException.invalidField("details", "must be at most " + MAX_DETAILS_JSON + " characters of JSON");
        }
        if (deviceId != null && deviceId.length() > 200) {
            throw PlatformException.invalidField("X-Device-Id", "must be at most 200 characters");
        }
        Transaction created = service.create(CurrentCaller.get().subject(), new TransactionService.CreateCommand(
                request.type(), request.partnerId(), amount, request.description().strip(), request.details(),
                http.getRemoteAddr(), deviceId));
        return ResponseEntity.created(URI.create("/api/v1/transactions/" + created.id()))
                .body(TransactionView.of(created));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('user', 'enterprise', 'partner', 'operator', 'risk_officer', 'auditor', 'admin')")
    TransactionView get(@PathVariable UUID id) {
        CurrentCaller caller = CurrentCaller.get();
        Transaction transaction = service.get(id, caller);
        return TransactionView.of(transaction, queries.history(id));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('user', 'enterprise', 'partner', 'operator', 'risk_officer', 'auditor', 'admin')")
    PageResponse<TransactionView> list(@RequestParam(required = false) TransactionStatus status,
            @RequestParam(required = false) TransactionType type, @RequestParam(required = false) UUID partnerId,
            @RequestParam(required = false) String payerId, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        if (payerId != null && payerId.length() > 100) {
            throw PlatformException.invalidField("payerId", "must be at most 100 characters");
        }
        return queries.list(CurrentCaller.get(), status, type, partnerId, payerId, from, to, query)
                .map(TransactionView::of);
    }

    @PostMapping("/{id}/confirmation")
    @PreAuthorize("hasAnyRole('user', 'enterprise')")
    TransactionView confirm(@PathVariable UUID id) {
        return TransactionView.of(service.confirm(id, CurrentCaller.get()));
    }

    record CancelRequest(@PlainText @Size(max = 500) String reason) {
    }

    @PostMapping("/{id}/cancellation")
    @PreAuthorize("hasAnyRole('user', 'enterprise', 'operator')")
    TransactionView cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) CancelRequest request) {
        String reason = request == null || request.reason() == null || request.reason().isBlank()
                ? "cancelled by " + (CurrentCaller.get().hasRole("operator") ? "an operator" : "the payer")
                : request.reason().strip();
        return TransactionView.of(service.cancel(id, reason, CurrentCaller.get()));
    }

    @PostMapping("/{id}/fulfilment")
    @PreAuthorize("hasRole('partner')")
    TransactionView fulfil(@PathVariable UUID id) {
        return TransactionView.of(service.fulfil(id, CurrentCaller.get()));
    }

    @PostMapping("/{id}/receipt")
    @PreAuthorize("hasAnyRole('user', 'enterprise')")
    TransactionView receipt(@PathVariable UUID id) {
        return TransactionView.of(service.receipt(id, CurrentCaller.get()));
    }

    record RefundRequest(@NotNull MoneyJson amount, @NotBlank @PlainText @Size(max = 500) String reason) {
    }

    record RefundView(UUID transactionId, String status, MoneyJson refund, MoneyJson refundedAmount,
            MoneyJson heldAmount) {
    }

    @PostMapping("/{id}/refunds")
    @IdempotencyKeyRequired
    @PreAuthorize("hasRole('operator')")
    ResponseEntity<RefundView> refund(@PathVariable UUID id, @Valid @RequestBody RefundRequest request,
            @RequestHeader("Idempotency-Key") String key) {
        Money amount = request.amount().toMoney("amount");
        CurrentCaller caller = CurrentCaller.get();
        Transaction transaction = service.refund(id, amount, request.reason().strip(),
                "refund:" + id + ":" + caller.actor() + ":" + key, caller.actor());
        return ResponseEntity.status(201).body(new RefundView(id, transaction.status().name(), MoneyJson.of(amount),
                MoneyJson.of(transaction.refunded()), MoneyJson.of(transaction.held())));
    }

    record PostingView(String account, MoneyJson amount) {
    }

    record EntryView(UUID id, String kind, String reference, UUID correctsEntryId, Instant createdAt,
            List<PostingView> postings) {
    }

    record JournalView(UUID transactionId, List<EntryView> entries) {
    }

    @GetMapping("/{id}/journal")
    @PreAuthorize("hasAnyRole('operator', 'auditor')")
    JournalView journal(@PathVariable UUID id) {
        service.get(id, CurrentCaller.get());
        List<EntryView> entries = ledger.journalOf(id).stream().map(TransactionController::entry).toList();
        return new JournalView(id, entries);
    }

    private static EntryView entry(JournalEntry e) {
        return new EntryView(e.id(), e.kind().name(), e.reference(), e.correctsEntryId(), e.createdAt(),
                e.postings().stream().map(p -> new PostingView(p.account().name(), MoneyJson.of(p.amount()))).toList());
    }
}
