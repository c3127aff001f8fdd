package com.platform.user.account;

/**
 * U4 verification levels, ordered: L0 registered, L1 contact verified, L2 real-name verified, L3 enterprise or
 * qualification certified. A level only ever rises.
 */
public enum VerificationLevel {
    L0, L1, L2, L3;

    public boolean atLeast(VerificationLevel other) {
        return compareTo(other) >= 0;
    }
}
