package com.platform.starter.testapp;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.platform.starter.audit.AuditTrail;
import com.platform.starter.idempotency.IdempotencyKeyRequired;
import com.platform.starter.outbox.Outbox;
import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;
import com.platform.starter.problem.PlatformException;
import com.platform.starter.requestid.RequestIds;
import com.platform.starter.security.CurrentCaller;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ThingController {

    enum Kind { PARCEL, LETTER }

    record Item(@NotBlank @Size(max = 20) String sku) {
    }

    record ThingRequest(@NotBlank @Size(max = 50) String name, @NotNull Kind kind,
            @Min(0) @Max(1000) int quantity, @Valid List<Item> items) {
    }

    record ThingCreated(UUID id, String name) {
    }

    final AtomicInteger executions = new AtomicInteger();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Outbox outbox;
    private final AuditTrail audit;

    ThingController(JdbcTemplate jdbc, TransactionTemplate transaction, Outbox outbox, AuditTrail audit) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.outbox = outbox;
        this.audit = audit;
    }

    @PostMapping("/api/v1/things")
    @IdempotencyKeyRequired
    @PreAuthorize("hasRole('user')")
    ResponseEntity<ThingCreated> create(@Valid @RequestBody ThingRequest request) throws InterruptedException {
        executions.incrementAndGet();
        if (request.name().startsWith("slow")) {
            Thread.sleep(500);
        }
        UUID id = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            jdbc.update("insert into thing (id, name, quantity) values (?, ?, ?)", id, request.name(),
                    request.quantity());
            outbox.record(StarterTestApplication.TOPIC, "thing", id.toString(), "thing.created",
                    Map.of("name", request.name(), "seq", 1));
            audit.record("thing.created", "thing", id.toString(), null, Map.of("name", request.name()));
            if (request.name().startsWith("reject-after-effect")) {
                throw new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "THING_REFUSED", "Refused after the insert.");
            }
        });
        if (request.name().startsWith("fail-after-effect")) {
            // the effect's own transaction block has completed: a crash now must not leave it without its response
            throw new IllegalStateException("failed after the effect");
        }
        return ResponseEntity.created(URI.create("/api/v1/things/" + id)).body(new ThingCreated(id, request.name()));
    }

    /**
     * A handler of platform.idempotency.own-transaction-paths: it commits on its own (and may call out between);
     * {@code X-Transaction-Open} says whether a database transaction was open around it.
     */
    @PostMapping("/api/v1/things/outside")
    @IdempotencyKeyRequired
    @PreAuthorize("hasRole('user')")
    ResponseEntity<ThingCreated> createOutside(@Valid @RequestBody ThingRequest request) throws InterruptedException {
        executions.incrementAndGet();
        String open = String.valueOf(TransactionSynchronizationManager.isActualTransactionActive());
        if (request.name().startsWith("slow")) {
            Thread.sleep(500);
        }
        UUID id = UUID.randomUUID();
        transaction.executeWithoutResult(status -> jdbc.update("insert into thing (id, name, quantity) values (?, ?, ?)",
                id, request.name(), request.quantity()));
        if (request.name().startsWith("unavailable")) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("X-Transaction-Open", open).build();
        }
        return ResponseEntity.created(URI.create("/api/v1/things/" + id)).header("X-Transaction-Open", open)
                .body(new ThingCreated(id, request.name()));
    }

    @GetMapping("/api/v1/things")
    PageResponse<String> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) Kind kind) {
        PageQuery query = PageQuery.of(page, size);
        List<String> names = jdbc.queryForList("select name from thing order by name limit ? offset ?", String.class,
                query.size(), query.offset());
        return PageResponse.of(names, query, names.size());
    }

    @GetMapping("/api/v1/things/boom")
    String boom() {
        throw new IllegalStateException("relation \"secret_table\" does not exist; password=hunter2");
    }

    @GetMapping("/api/v1/things/mine")
    @PreAuthorize("hasRole('user')")
    Map<String, Object> mine() {
        CurrentCaller caller = CurrentCaller.get();
        return Map.of("subject", caller.subject(), "partnerId", caller.partnerId().orElse("none"));
    }

    @GetMapping("/internal/v1/ping")
    Map<String, String> ping() {
        return Map.of("caller", CurrentCaller.get().actor(), "requestId", String.valueOf(RequestIds.current()));
    }
}
