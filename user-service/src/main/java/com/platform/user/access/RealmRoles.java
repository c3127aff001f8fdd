package com.platform.user.access;

import java.util.Set;

/** The realm roles admins manage here (U6). {@code partner} belongs to partner-service, {@code service} to ops. */
final class RealmRoles {

    static final Set<String> ASSIGNABLE = Set.of("user", "enterprise", "operator", "risk_officer", "auditor", "admin");

    /** Roles whose holders are reviewed in every access-review campaign. */
    static final Set<String> PRIVILEGED = Set.of("operator", "risk_officer", "auditor", "admin");

    private RealmRoles() {
    }
}
