package com.platform.transaction.transaction;

import java.util.Set;
import java.util.UUID;

import com.platform.starter.security.CurrentCaller;

/**
 * Data scope of T8: staff see what their duty needs, a payer its own transactions, a partner (token
 * {@code partner_id}) its own. Out of scope is reported as "not found", so nobody learns another's ids exist.
 */
public final class Access {

    public static final Set<String> STAFF = Set.of("operator", "risk_officer", "auditor", "admin");

    private Access() {
    }

    public static boolean isStaff(CurrentCaller caller) {
        return caller.roles().stream().anyMatch(STAFF::contains);
    }

    public static boolean isPayer(CurrentCaller caller, String payerId) {
        return caller.hasAnyRole("user", "enterprise") && payerId.equals(caller.subject());
    }

    public static boolean isPartner(CurrentCaller caller, UUID partnerId) {
        return caller.hasRole("partner") && caller.partnerId().map(partnerId.toString()::equals).orElse(false);
    }

    public static boolean canSee(CurrentCaller caller, String payerId, UUID partnerId) {
        return isStaff(caller) || isPayer(caller, payerId) || isPartner(caller, partnerId);
    }

    /** The partner id of a partner caller, if the token carries a well-formed one. */
    public static UUID partnerIdOf(CurrentCaller caller) {
        try {
            return caller.partnerId().map(UUID::fromString).orElse(null);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }
}
