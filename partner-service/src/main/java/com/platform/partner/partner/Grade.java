package com.platform.partner.partner;

/** P6: the evaluation grade. Renewal is allowed only for A and B (and for a partner not graded yet). */
public enum Grade {
    A, B, C, D;

    public boolean allowsRenewal() {
        return this == A || this == B;
    }
}
