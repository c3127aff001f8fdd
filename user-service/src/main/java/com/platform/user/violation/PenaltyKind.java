package com.platform.user.violation;

/** The penalty ladder of U8, mildest first: the order matters (a later kind is a stronger penalty). */
public enum PenaltyKind {
    /** Recorded and shown to the person; no restriction. */
    WARNING,
    /** May not transact until it ends. */
    RESTRICTED,
    /** Cannot log in (Keycloak account disabled) until it ends. */
    SUSPENDED,
    /** Cannot log in, for good. */
    BANNED;

    public boolean atLeast(PenaltyKind other) {
        return compareTo(other) >= 0;
    }
}
