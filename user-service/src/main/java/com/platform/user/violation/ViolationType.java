package com.platform.user.violation;

/** U8 prohibited behaviour. Fraud counts extra on the ladder (fraud after a suspension is a ban). */
public enum ViolationType {
    ILLEGAL_CONTENT, MALICIOUS_ATTACK, FRAUDULENT_TRANSACTION, FAKE_IDENTITY, ABUSIVE_DISPUTE, OTHER;

    public boolean fraud() {
        return this == FRAUDULENT_TRANSACTION;
    }
}
