package com.platform.risk.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

import com.platform.risk.support.PlainText;
import com.platform.risk.support.RiskException;
import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;

/** R5: indicators, their values and alerts; risk officers only. */
@RestController
class MonitoringController {

    private final AlertService service;
    private final Indicators indicators;
    private final Alerts alerts;
    private final Clock clock;

    MonitoringController(AlertService service, Indicators indicators, Alerts alerts, Clock clock) {
        this.service = service;
        this.indicators = indicators;
        this.alerts = alerts;
        this.clock = clock;
    }

    record IndicatorRequest(
            @NotBlank @Size(max = 100) @PlainText String name,
            @NotNull Metric metric,
            @NotNull @Pattern(regexp = "PLATFORM|PARTNER:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                    message = "must be PLATFORM or PARTNER:<partnerId>") String scope,
            @NotBlank @Size(max = 30) String window,
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal warningThreshold,
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal criticalThreshold,
            Boolean autoResolve) {
    }

    record IndicatorView(UUID id, String name, Metric metric, String scope, String window,
            BigDecimal warningThreshold, BigDecimal criticalThreshold, boolean autoResolve, String createdBy,
            Instant createdAt, Instant lastComputedAt) {

        static IndicatorView of(Indicator i) {
            return new IndicatorView(i.id(), i.name(), i.metric(), i.scope(), i.window().toString(),
                    i.warningThreshold(), i.criticalThreshold(), i.autoResolve(), i.createdBy(), i.createdAt(),
                    i.lastComputedAt());
        }
    }

    @GetMapping("/api/v1/risk/indicators")
    @PreAuthorize("hasRole('risk_officer')")
    PageResponse<IndicatorView> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        return PageResponse.of(indicators.page(query.size(), query.offset()).stream().map(IndicatorView::of)
                .toList(), query, indicators.count());
    }

    @PostMapping("/api/v1/risk/indicators")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('risk_officer')")
    IndicatorView define(@Valid @RequestBody IndicatorRequest request) {
        Duration window;
        try {
            window = Duration.parse(request.window());
        }
        catch (DateTimeParseException e) {
            throw new RiskException.InvalidField("window", "must be an ISO-8601 duration such as PT1H");
        }
        if (window.compareTo(AlertService.MIN_WINDOW) < 0 || window.compareTo(AlertService.MAX_WINDOW) > 0) {
            throw new RiskException.InvalidField("window", "must be between PT1M and P31D");
        }
        if (request.metric().rate() && request.criticalThreshold().compareTo(BigDecimal.ONE) > 0) {
            throw new RiskException.InvalidField("criticalThreshold", "a rate is between 0 and 1");
        }
        return IndicatorView.of(service.define(request.name(), request.metric(), request.scope(), window,
                request.warningThreshold(), request.criticalThreshold(), Boolean.TRUE.equals(request.autoResolve())));
    }

    /** Newest first; {@code from}/{@code to} default to the last 7 days. */
    @GetMapping("/api/v1/risk/indicators/{id}/values")
    @PreAuthorize("hasRole('risk_officer')")
    PageResponse<Indicators.Value> values(@PathVariable UUID id, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        indicators.find(id).orElseThrow(() -> new RiskException.NotFound("INDICATOR_NOT_FOUND", "No such indicator."));
        Instant end = to != null ? to : clock.instant().plusSeconds(1);
        Instant start = from != null ? from : end.minus(Duration.ofDays(7));
        return PageResponse.of(indicators.values(id, start, end, query.size(), query.offset()), query,
                indicators.countValues(id, start, end));
    }

    @GetMapping("/api/v1/risk/alerts")
    @PreAuthorize("hasRole('risk_officer')")
    PageResponse<Alert> alerts(@RequestParam(required = false) Alert.Status status,
            @RequestParam(required = false) AlertLevel level, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        return PageResponse.of(alerts.page(status, level, query.size(), query.offset()), query,
                alerts.count(status, level));
    }

    @PostMapping("/api/v1/risk/alerts/{id}/acknowledgement")
    @PreAuthorize("hasRole('risk_officer')")
    Alert acknowledge(@PathVariable UUID id) {
        return service.acknowledge(id);
    }

    record ResolutionRequest(@NotBlank @Size(max = 2000) @PlainText String resolution) {
    }

    @PostMapping("/api/v1/risk/alerts/{id}/resolution")
    @PreAuthorize("hasRole('risk_officer')")
    Alert resolve(@PathVariable UUID id, @Valid @RequestBody ResolutionRequest request) {
        Alert resolved = service.resolve(id, request.resolution());
        service.notifyPending();
        return resolved;
    }
}
