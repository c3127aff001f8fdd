package com.platform.user.account;

import java.util.Collection;

import com.platform.user.violation.PenaltyKind;

/**
 * U8/U9 account status. Between registration and closure the status follows the strongest penalty in force:
 * none is ACTIVE, RESTRICTED may log in but not transact, SUSPENDED and BANNED cannot log in (Keycloak user
 * disabled). CLOSED is final (U7).
 */
public enum AccountStatus {
    PENDING_VERIFICATION, ACTIVE, RESTRICTED, SUSPENDED, BANNED, CLOSED;

    public boolean canLogIn() {
        return this == ACTIVE || this == RESTRICTED;
    }

    public boolean canTransact() {
        return this == ACTIVE;
    }

    /** The status a verified, open account has while these penalties are in force. */
    public static AccountStatus underPenalties(Collection<PenaltyKind> inForce) {
        if (inForce.contains(PenaltyKind.BANNED)) {
            return BANNED;
        }
        if (inForce.contains(PenaltyKind.SUSPENDED)) {
            return SUSPENDED;
        }
        return inForce.contains(PenaltyKind.RESTRICTED) ? RESTRICTED : ACTIVE;
    }
}
