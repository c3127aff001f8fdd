package com.platform.starter.audit;

import java.time.Instant;

import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit/{trail}/events} and {@code /verification} for auditors and admins (api.md, Audit).
 * The trail name ({@code users}, {@code partners}, ...) comes from {@code platform.audit.trail}.
 */
@RestController
@RequestMapping("/api/v1/audit/${platform.audit.trail}")
@PreAuthorize("hasAnyRole('auditor', 'admin')")
public class AuditController {

    private final AuditLog auditLog;

    public AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/events")
    public PageResponse<AuditEntry> events(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return auditLog.find(new AuditLog.Filter(actor, targetType, targetId, from, to), PageQuery.of(page, size));
    }

    @GetMapping("/verification")
    public AuditLog.Verification verification() {
        return auditLog.verify();
    }
}
