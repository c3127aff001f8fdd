package com.platform.user.account;

/** A person or a company; a company account holds the realm role {@code enterprise} instead of {@code user}. */
public enum AccountType {
    PERSON("user"),
    ENTERPRISE("enterprise");

    private final String realmRole;

    AccountType(String realmRole) {
        this.realmRole = realmRole;
    }

    public String realmRole() {
        return realmRole;
    }
}
