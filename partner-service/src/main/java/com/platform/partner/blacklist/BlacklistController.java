package com.platform.partner.blacklist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.platform.partner.partner.CreditCode;
import com.platform.partner.support.FreeText;
import com.platform.partner.support.RuleViolation;
import com.platform.starter.audit.AuditTrail;
import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;
import com.platform.starter.problem.PlatformException;
import com.platform.starter.security.CurrentCaller;

/**
 * P2: the partner blacklist, kept by operators and risk officers (auditors read it). Every change is audited.
 * {@code POST /api/v1/partner-blacklist} adds (or replaces) the entry of a credit code,
 * {@code DELETE /api/v1/partner-blacklist/{creditCode}} removes it, {@code GET} lists and reads.
 */
@RestController
class BlacklistController {

    private final Blacklist blacklist;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BlacklistController(Blacklist blacklist, AuditTrail audit, TransactionTemplate transaction, Clock clock) {
        this.blacklist = blacklist;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    record EntryRequest(@NotBlank @Size(max = 18) String creditCode,
            @NotBlank @Size(max = 500) @FreeText String reason, LocalDate expiresOn) {
    }

    @PostMapping("/api/v1/partner-blacklist")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('operator', 'risk_officer')")
    Blacklist.Entry add(@Valid @RequestBody EntryRequest request) {
        CreditCode code = CreditCode.parse(request.creditCode()).orElseThrow(() -> PlatformException.invalidField(
                "creditCode", "is not a valid unified social credit code (18 characters, check character)"));
        if (request.expiresOn() != null && request.expiresOn().isBefore(LocalDate.now(clock))) {
            throw PlatformException.invalidField("expiresOn", "must not be in the past");
        }
        Blacklist.Entry entry = new Blacklist.Entry(code.value(), request.reason().strip(), request.expiresOn(),
                CurrentCaller.get().actor(), clock.instant());
        return transaction.execute(status -> {
            var before = blacklist.put(entry);
            audit.record("partner-blacklist.put", "partner-blacklist", code.value(), before.orElse(null), entry);
            return entry;
        });
    }

    @GetMapping("/api/v1/partner-blacklist")
    @PreAuthorize("hasAnyRole('operator', 'risk_officer', 'auditor')")
    PageResponse<Blacklist.Entry> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return blacklist.list(PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/partner-blacklist/{creditCode}")
    @PreAuthorize("hasAnyRole('operator', 'risk_officer', 'auditor')")
    Blacklist.Entry read(@PathVariable String creditCode) {
        return blacklist.find(normalised(creditCode)).orElseThrow(BlacklistController::notListed);
    }

    @DeleteMapping("/api/v1/partner-blacklist/{creditCode}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('operator', 'risk_officer')")
    void remove(@PathVariable String creditCode) {
        String code = normalised(creditCode);
        transaction.executeWithoutResult(status -> {
            Blacklist.Entry before = blacklist.find(code).orElseThrow(BlacklistController::notListed);
            blacklist.remove(code);
            audit.record("partner-blacklist.remove", "partner-blacklist", code, before, Map.of("removed", true));
        });
    }

    private static String normalised(String creditCode) {
        return CreditCode.parse(creditCode).map(CreditCode::value).orElseThrow(() -> PlatformException.invalidField(
                "creditCode", "is not a valid unified social credit code"));
    }

    private static RuleViolation notListed() {
        return RuleViolation.notFound("BLACKLIST_ENTRY_NOT_FOUND", "The credit code is not on the blacklist.");
    }
}
