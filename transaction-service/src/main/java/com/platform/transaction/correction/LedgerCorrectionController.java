package com.platform.transaction.correction;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import com.platform.starter.paging.PageResponse;
import com.platform.starter.security.CurrentCaller;
import com.platform.transaction.ledger.LedgerAccount;
import com.platform.transaction.money.Money;
import com.platform.transaction.money.MoneyJson;
import com.platform.transaction.text.PlainText;

/** T6: ledger corrections, proposed by an admin and applied after a second admin's approval. */
@RestController
class LedgerCorrectionController {

    private final LedgerCorrectionService service;

    LedgerCorrectionController(LedgerCorrectionService service) {
        this.service = service;
    }

    record LineRequest(@NotNull LedgerAccount account, @NotNull LedgerCorrection.Side side,
            @NotNull MoneyJson amount) {
    }

    record ProposalRequest(@NotNull UUID transactionId, @NotBlank @PlainText @Size(max = 2000) String reason,
            UUID correctsEntryId, @NotNull @Size(min = 2, max = LedgerCorrection.MAX_LINES) List<@Valid @NotNull LineRequest> lines) {
    }

    record RejectionRequest(@NotBlank @PlainText @Size(max = 2000) String reason) {
    }

    record CorrectionView(UUID id, UUID transactionId, String status, String reason, UUID correctsEntryId,
            List<Map<String, Object>> lines, String proposedBy, Instant proposedAt, String decidedBy,
            Instant decidedAt, String decisionReason, UUID entryId) {

        static CorrectionView of(LedgerCorrection c) {
            return new CorrectionView(c.id(), c.transactionId(), c.status().name(), c.reason(), c.correctsEntryId(),
                    LedgerCorrectionService.lines(c), c.proposedBy(), c.proposedAt(), c.decidedBy(), c.decidedAt(),
                    c.decisionReason(), c.entryId());
        }
    }

    @PostMapping("/api/v1/ledger/corrections")
    @PreAuthorize("hasRole('admin')")
    ResponseEntity<CorrectionView> propose(@Valid @RequestBody ProposalRequest request) {
        List<LedgerCorrection.Line> lines = new ArrayList<>();
        List<String> currencies = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            LineRequest line = request.lines().get(i);
            Money amount = line.amount().toMoney("lines[" + i + "].amount");
            lines.add(new LedgerCorrection.Line(line.account(), line.side(), amount.minor()));
            currencies.add(amount.currency());
        }
        LedgerCorrection correction = service.propose(new LedgerCorrectionService.Proposal(request.transactionId(),
                request.reason().strip(), request.correctsEntryId(), lines, currencies), CurrentCaller.get().actor());
        return ResponseEntity.created(URI.create("/api/v1/ledger/corrections/" + correction.id()))
                .body(CorrectionView.of(correction));
    }

    @PostMapping("/api/v1/ledger/corrections/{id}/approval")
    @PreAuthorize("hasRole('admin')")
    CorrectionView approve(@PathVariable UUID id) {
        return CorrectionView.of(service.approve(id, CurrentCaller.get().actor()));
    }

    @PostMapping("/api/v1/ledger/corrections/{id}/rejection")
    @PreAuthorize("hasRole('admin')")
    CorrectionView reject(@PathVariable UUID id, @Valid @RequestBody RejectionRequest request) {
        return CorrectionView.of(service.reject(id, request.reason().strip(), CurrentCaller.get().actor()));
    }

    @GetMapping("/api/v1/ledger/corrections")
    @PreAuthorize("hasAnyRole('admin', 'auditor')")
    PageResponse<CorrectionView> list(@RequestParam(required = false) LedgerCorrection.Status status,
            @RequestParam(required = false) UUID transactionId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageResponse<LedgerCorrection> found = service.list(status, transactionId, PageQuery.of(page, size));
        return new PageResponse<>(found.items().stream().map(CorrectionView::of).toList(), found.page(),
                found.size(), found.total());
    }

    @GetMapping("/api/v1/ledger/corrections/{id}")
    @PreAuthorize("hasAnyRole('admin', 'auditor')")
    CorrectionView get(@PathVariable UUID id) {
        return CorrectionView.of(service.get(id));
    }
}
