package com.platform.partner.partner;

import java.util.UUID;

import com.platform.starter.security.CurrentCaller;

/**
 * Data scope (BOLA): "the partner" is either the partner's own system or staff (a token with role {@code partner}
 * and this partner's {@code partner_id}) or the enterprise account that applied for it (role {@code enterprise},
 * subject = applicant). Anyone else gets the partner's data only through a staff role; otherwise the partner
 * does not exist for them (404, revealing nothing).
 */
public final class PartnerAccess {

    private PartnerAccess() {
    }

    public static boolean isOwn(Partner partner) {
        return CurrentCaller.find().map(caller -> isOwn(caller, partner)).orElse(false);
    }

    public static boolean isOwn(CurrentCaller caller, Partner partner) {
        if (caller.hasRole("partner") && caller.partnerId().map(partner.id().toString()::equals).orElse(false)) {
            return true;
        }
        return caller.hasRole("enterprise") && partner.applicantId().equals(caller.subject());
    }

    /** The caller's own partner, or one it may see through one of {@code staffRoles}; else 404. */
    public static Partner requireOwnOr(Partner partner, String... staffRoles) {
        CurrentCaller caller = CurrentCaller.get();
        if (isOwn(caller, partner) || caller.hasAnyRole(staffRoles)) {
            return partner;
        }
        throw Partners.unknown();
    }

    /** The partner id of a partner token, if the caller is one. */
    public static java.util.Optional<UUID> callerPartnerId() {
        return CurrentCaller.find().filter(c -> c.hasRole("partner")).flatMap(CurrentCaller::partnerId)
                .flatMap(id -> {
                    try {
                        return java.util.Optional.of(UUID.fromString(id));
                    }
                    catch (IllegalArgumentException e) {
                        return java.util.Optional.empty();
                    }
                });
    }
}
