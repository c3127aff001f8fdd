package com.platform.localstack;

import java.util.List;

/** The demo staff accounts of the local realm; their passwords are generated per machine (see Secrets). */
final class DemoAccounts {

    static final List<String> USERNAMES = List.of("admin", "operator", "operator2", "risk", "risk2", "auditor");

    private DemoAccounts() {
    }

    static String role(String username) {
        return switch (username) {
            case "admin" -> "admin";
            case "operator", "operator2" -> "operator";
            case "risk", "risk2" -> "risk_officer";
            case "auditor" -> "auditor";
            default -> throw new IllegalArgumentException(username);
        };
    }
}
