package com.platform.localstack;

import java.util.List;

/** The four services: module, port variable and default, database, the prefix of their environment, their topic. */
enum PlatformService {

    USER("user-service", 8081, "users", "USER", "platform.users.v1"),
    PARTNER("partner-service", 8082, "partners", "PARTNER", "platform.partners.v1"),
    TRANSACTION("transaction-service", 8083, "transactions", "TRANSACTION", "platform.transactions.v1"),
    RISK("risk-service", 8084, "risk", "RISK", "platform.risk.v1");

    final String module;
    final int defaultPort;
    final String database;
    final String envPrefix;
    /** The topic the service publishes its events to (docs/events.md). */
    final String topic;

    PlatformService(String module, int defaultPort, String database, String envPrefix, String topic) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
        this.envPrefix = envPrefix;
        this.topic = topic;
    }

    int port(StackLayout layout) {
        return layout.port(envPrefix + "_SERVICE_PORT", defaultPort);
    }

    static List<PlatformService> all() {
        return List.of(values());
    }
}
