package com.platform.localstack;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run on machines without Docker, so this keeps it in step with the local stack it
 * mirrors: the same components, ports, environment variables, realm file and versions.
 */
class LocalStackComposeConsistencyTests {

    private final Map<String, Object> compose = load();

    @TempDir
    Path repository;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (Reader reader = Files.newBufferedReader(Path.of("../docker-compose.yml"))) {
            return new Yaml().load(reader);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> service(String name) {
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private Set<String> environment(String name) {
        return ((Map<String, Object>) service(name).get("environment")).keySet();
    }

    @SuppressWarnings("unchecked")
    private List<String> ports(String name) {
        return ((List<Object>) service(name).get("ports")).stream().map(String::valueOf).toList();
    }

    private Components components() {
        StackLayout layout = new StackLayout(repository, Map.of());
        return new Components(layout, Secrets.load(layout));
    }

    @Test
    void composeRunsTheSameComponentsAsTheLocalStack() {
        @SuppressWarnings("unchecked")
        Set<String> names = ((Map<String, Object>) compose.get("services")).keySet();
        Set<String> expected = new java.util.HashSet<>(Set.of("postgres", "kafka", "kafka-topics", "keycloak", "mail",
                "simulator", "gateway"));
        PlatformService.all().forEach(s -> expected.add(s.module));
        assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void servicesGetEveryVariableTheLocalStackGivesThemOnTheSamePorts() {
        Components components = components();
        for (PlatformService service : PlatformService.all()) {
            assertThat(environment(service.module)).as(service.module)
                    .containsAll(components.service(service).environment().keySet());
            assertThat(ports(service.module)).containsExactly(service.defaultPort + ":" + service.defaultPort);
            assertThat(service(service.module).get("image")).isEqualTo("platform/" + service.module + ":0.1.0-SNAPSHOT");
        }
        assertThat(environment("gateway")).containsAll(components.gateway().environment().keySet());
        assertThat(ports("gateway")).containsExactly("8080:8080");
    }

    /** The broker in compose creates topics on first use: the compacted one must exist before anyone writes it. */
    @Test
    void composeCreatesTheCompactedTopicsBeforeTheirWriterStarts() {
        String command = service("kafka-topics").get("command").toString();
        KafkaTopics.configs().forEach((topic, settings) -> {
            assertThat(command).contains("--topic " + topic + " --partitions " + KafkaTopics.all().get(topic));
            settings.forEach((name, value) -> assertThat(command).contains("--config " + name + "=" + value));
        });
        assertThat(service("kafka-topics").get("image")).isEqualTo(service("kafka").get("image"));
        assertThat(service("partner-service").get("depends_on").toString())
                .contains("kafka-topics={condition=service_completed_successfully}");
    }

    @Test
    void keycloakImportsTheSameRealmWithEveryPlaceholderSupplied() {
        assertThat(service("keycloak").get("volumes").toString())
                .contains("./local-stack/keycloak/platform-realm.json:/opt/keycloak/data/import/");
        assertThat(environment("keycloak")).containsAll(components().realmPlaceholders().keySet());
        assertThat(ports("keycloak")).containsExactly("8180:8180");
    }

    @Test
    void infrastructureUsesTheLocalStackPortsAndVersions() {
        StackLayout defaults = new StackLayout(repository, Map.of());
        assertThat(ports("postgres")).containsExactly(defaults.postgresPort() + ":5432");
        assertThat(ports("kafka")).containsExactly(defaults.kafkaPort() + ":9092");
        assertThat(ports("mail")).containsExactly(defaults.smtpPort() + ":3025", defaults.mailApiPort() + ":8025");
        assertThat(ports("simulator")).containsExactly(defaults.simulatorPort() + ":8089");
        assertThat(service("simulator").get("volumes").toString()).contains("./local-stack/wiremock/mappings");
        assertThat(service("keycloak").get("image")).asString().endsWith(":" + System.getProperty("keycloak.version"));
        assertThat(service("simulator").get("image")).asString().endsWith(":" + System.getProperty("wiremock.version"));
        assertThat(service("mail").get("image")).asString().endsWith(":" + System.getProperty("greenmail.version"));
        assertThat(service("kafka").get("image")).asString().endsWith(":" + System.getProperty("kafka.version"));
    }

    /** The payment simulator calls back in compose as locally: the same extension, variables and shared secret. */
    @Test
    void composeSimulatorRunsThePaymentExtensionWithTheLocalStacksVariables() {
        Components components = components();
        assertThat(environment("simulator")).containsAll(components.simulator().environment().keySet());
        assertThat(service("simulator").get("command").toString())
                .contains("--extensions, " + Components.PAYMENT_SIMULATOR_EXTENSION);
        assertThat(service("simulator").get("volumes").toString())
                .contains("./local-stack/target/local-stack-0.1.0-SNAPSHOT-payment-simulator.jar:/var/wiremock/extensions/");
        @SuppressWarnings("unchecked")
        Map<String, Object> simulatorEnv = (Map<String, Object>) service("simulator").get("environment");
        @SuppressWarnings("unchecked")
        Map<String, Object> transactionEnv = (Map<String, Object>) service("transaction-service").get("environment");
        assertThat(simulatorEnv.get("PAYMENT_SIMULATOR_CALLBACK_SECRET"))
                .isEqualTo(transactionEnv.get("PAYMENT_SIMULATOR_CALLBACK_SECRET"));
        assertThat(simulatorEnv.get("PAYMENT_SIMULATOR_CALLBACK_URL")).isEqualTo("http://transaction-service:8083");
    }

    @Test
    void composeHoldsNoSecretValues() throws Exception {
        String text = Files.readString(Path.of("../docker-compose.yml"));
        Set<String> secretLines = text.lines()
                .filter(line -> line.matches("\\s*[A-Z_]*(PASSWORD|SECRET|KEYSET)[A-Z_]*:.*"))
                .filter(line -> !line.contains(":?set it in .env}"))
                .collect(Collectors.toSet());
        assertThat(secretLines).isEmpty();
    }
}
