package com.platform.risk.watchlist;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.platform.risk.support.PlainText;
import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;

/** R1 watchlists: risk officers only (they read, add and remove). */
@RestController
class WatchlistController {

    private final WatchlistService service;
    private final Watchlist watchlist;
    private final Clock clock;

    WatchlistController(WatchlistService service, Watchlist watchlist, Clock clock) {
        this.service = service;
        this.watchlist = watchlist;
        this.clock = clock;
    }

    record EntryRequest(@NotNull WatchKind kind, @NotBlank @Size(max = WatchKind.MAX_VALUE_LENGTH) String value,
            @NotBlank @Size(max = 1000) @PlainText String reason, Instant expiresAt) {
    }

    record EntryView(UUID id, WatchKind kind, String value, String reason, Instant expiresAt, boolean inForce,
            String createdBy, Instant createdAt, String removedBy, Instant removedAt) {

        static EntryView of(WatchlistEntry e, Instant now) {
            return new EntryView(e.id(), e.kind(), e.value(), e.reason(), e.expiresAt(), e.inForce(now),
                    e.createdBy(), e.createdAt(), e.removedBy(), e.removedAt());
        }
    }

    @GetMapping("/api/v1/risk/watchlist")
    @PreAuthorize("hasRole('risk_officer')")
    PageResponse<EntryView> list(@RequestParam(required = false) WatchKind kind,
            @RequestParam(defaultValue = "true") boolean inForce, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        Instant now = clock.instant();
        return PageResponse.of(watchlist.page(kind, inForce, now, query.size(), query.offset()).stream()
                .map(e -> EntryView.of(e, now)).toList(), query, watchlist.count(kind, inForce, now));
    }

    @PostMapping("/api/v1/risk/watchlist")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('risk_officer')")
    EntryView add(@Valid @RequestBody EntryRequest request) {
        return EntryView.of(service.add(request.kind(), request.value(), request.reason(), request.expiresAt()),
                clock.instant());
    }

    /** Takes the entry in force for {@code kind} and {@code value} off the list. */
    @DeleteMapping("/api/v1/risk/watchlist")
    @PreAuthorize("hasRole('risk_officer')")
    EntryView remove(@RequestParam WatchKind kind, @RequestParam @Size(max = WatchKind.MAX_VALUE_LENGTH) String value) {
        return EntryView.of(service.remove(kind, value), clock.instant());
    }

    @DeleteMapping("/api/v1/risk/watchlist/{id}")
    @PreAuthorize("hasRole('risk_officer')")
    EntryView removeById(@PathVariable UUID id) {
        return EntryView.of(service.remove(id), clock.instant());
    }
}
