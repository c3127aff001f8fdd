package com.platform.localstack;

import java.util.List;

/** The four services: module, port variable and default, database, and the prefix of their environment. */
enum PlatformService {

    USER("user-service", 8081, "users", "USER"),
    PARTNER("partner-service", 8082, "partners", "PARTNER"),
    TRANSACTION("transaction-service", 8083, "transactions", "TRANSACTION"),
    RISK("risk-service", 8084, "risk", "RISK");

    final String module;
    final int defaultPort;
    final String database;
    final String envPrefix;

    PlatformService(String module, int defaultPort, String database, String envPrefix) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
        this.envPrefix = envPrefix;
    }

    int port(StackLayout layout) {
        return layout.port(envPrefix + "_SERVICE_PORT", defaultPort);
    }

    static List<PlatformService> all() {
        return List.of(values());
    }
}
