package com.platform.transaction.reconciliation;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
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
import com.platform.starter.problem.PlatformException;
import com.platform.starter.security.CurrentCaller;
import com.platform.transaction.money.MoneyJson;
import com.platform.transaction.payment.PaymentProperties;

/** T5: operators reconcile on demand; operators and auditors read the runs and their differences. */
@RestController
class ReconciliationController {

    private static final Duration LONGEST_PERIOD = Duration.ofDays(31);

    private final ReconciliationService service;
    private final PaymentProperties providers;

    ReconciliationController(ReconciliationService service, PaymentProperties providers) {
        this.service = service;
        this.providers = providers;
    }

    record RunRequest(@Size(max = 64) String provider, @NotNull Instant from, @NotNull Instant to) {
    }

    record DifferenceView(String kind, UUID paymentId, UUID transactionId, MoneyJson providerAmount,
            MoneyJson ledgerAmount, String detail) {
    }

    record RunView(UUID id, String provider, Instant from, Instant to, Instant startedAt, String startedBy,
            int compared, int differenceCount, List<DifferenceView> differences) {

        static RunView of(Reconciliation r) {
            return new RunView(r.id(), r.provider(), r.from(), r.to(), r.startedAt(), r.startedBy(), r.compared(),
                    r.differences().size(), r.differences().stream().map(d -> new DifferenceView(d.kind().name(),
                            d.paymentId(), d.transactionId(), MoneyJson.of(d.providerAmount()),
                            MoneyJson.of(d.ledgerAmount()), d.detail())).toList());
        }
    }

    @PostMapping("/api/v1/reconciliations")
    @PreAuthorize("hasRole('operator')")
    ResponseEntity<RunView> run(@Valid @RequestBody RunRequest request) {
        String provider = request.provider() == null ? providers.defaultProvider() : request.provider();
        if (!providers.providers().containsKey(provider)) {
            throw PlatformException.invalidField("provider", "is not a configured provider");
        }
        if (!request.from().isBefore(request.to())) {
            throw PlatformException.invalidField("to", "must be after from");
        }
        if (Duration.between(request.from(), request.to()).compareTo(LONGEST_PERIOD) > 0) {
            throw PlatformException.invalidField("to", "the period is at most 31 days");
        }
        Reconciliation run = service.reconcile(provider, request.from(), request.to(), CurrentCaller.get().actor());
        return ResponseEntity.created(URI.create("/api/v1/reconciliations/" + run.id())).body(RunView.of(run));
    }

    @GetMapping("/api/v1/reconciliations/{id}")
    @PreAuthorize("hasAnyRole('operator', 'auditor')")
    RunView get(@PathVariable UUID id) {
        return service.find(id).map(RunView::of)
                .orElseThrow(() -> PlatformException.notFound("RECONCILIATION_NOT_FOUND", "No such reconciliation."));
    }

    @GetMapping("/api/v1/reconciliations")
    @PreAuthorize("hasAnyRole('operator', 'auditor')")
    PageResponse<ReconciliationService.Summary> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        return PageResponse.of(service.list((int) query.offset(), query.size()), query, service.count());
    }
}
