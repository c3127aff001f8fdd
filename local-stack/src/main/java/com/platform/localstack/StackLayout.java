package com.platform.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where things are and which ports they use. Every port can be overridden by an environment variable; data,
 * logs and generated secrets live under {@code .platform/} in the repository (ignored by Git).
 */
public record StackLayout(Path repository, Path home, Map<String, String> env) {

    StackLayout(Path repository, Map<String, String> env) {
        this(repository, repository.resolve(".platform"), env);
    }

    static StackLayout fromEnvironment(Path repository) {
        return new StackLayout(repository.toAbsolutePath().normalize(), System.getenv());
    }

    /** A stack of its own, e.g. for end-to-end tests: another home and other ports than a developer's stack. */
    public static StackLayout isolated(Path repository, Path home, Map<String, String> ports) {
        return new StackLayout(repository.toAbsolutePath().normalize(), home.toAbsolutePath().normalize(), ports);
    }

    Path data(String component) {
        return home().resolve("data").resolve(component);
    }

    /** Unpacked third-party binaries (PostgreSQL), owned by this stack rather than shared in /tmp. */
    Path binaries(String component) {
        return home().resolve("binaries").resolve(component);
    }

    /** Pid files of the running children, so that a start after a killed launcher can stop what it left. */
    Path pids() {
        return home().resolve("run");
    }

    Path logs() {
        return home().resolve("logs");
    }

    Path log(String component) {
        return logs().resolve(component + ".log");
    }

    Path keycloakHome() {
        return home().resolve("keycloak");
    }

    Path tools() {
        return repository.resolve("local-stack/target/tools");
    }

    Path moduleJar(String module) {
        return repository.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
    }

    int port(String variable, int defaultPort) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.trim());
    }

    public int gatewayPort() {
        return port("GATEWAY_PORT", 8080);
    }

    public int keycloakPort() {
        return port("KEYCLOAK_PORT", 8180);
    }

    int postgresPort() {
        return port("POSTGRES_PORT", 5432);
    }

    int kafkaPort() {
        return port("KAFKA_PORT", 9092);
    }

    int kafkaControllerPort() {
        return port("KAFKA_CONTROLLER_PORT", 9093);
    }

    int smtpPort() {
        return port("SMTP_PORT", 3025);
    }

    int mailApiPort() {
        return port("MAIL_API_PORT", 8025);
    }

    int simulatorPort() {
        return port("SIMULATOR_PORT", 8089);
    }

    public String keycloakIssuer() {
        return "http://localhost:" + keycloakPort() + "/realms/platform";
    }
}
