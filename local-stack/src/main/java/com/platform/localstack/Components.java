package com.platform.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.Uuid;

/** How each child-process component is launched: command line, environment and health check. */
final class Components {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Fast start-up matters more than peak throughput on a laptop.
    static final List<String> SERVICE_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xss512k", "-Xmx384m");
    /**
     * The gateway is every request's first hop, and a reactive proxy allocates a lot of short-lived garbage per
     * request: C1-only code and SerialGC in 384 MB made it the stack's bottleneck (docs/performance.md,
     * gateway-vs-direct: young pauses of 0.3-1 s, each stalling every request in flight). So it gets the full JIT
     * (C2), the throughput collector with one GC thread per core, and a fixed heap with a large young generation:
     * short pauses that copy only the requests in flight; almost nothing lives long in a gateway.
     */
    static final List<String> GATEWAY_JVM = List.of("-XX:+UseParallelGC", "-Xss512k", "-Xms512m", "-Xmx512m",
            "-Xmn320m");

    /** The launcher's own classpath, absolute: children run in another working directory. */
    private static final String CLASSPATH = java.util.Arrays.stream(
                    System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath().toString())
            .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));

    private final StackLayout layout;
    private final Secrets secrets;

    Components(StackLayout layout, Secrets secrets) {
        this.layout = layout;
        this.secrets = secrets;
    }

    /** Heap for the PostgreSQL child: unpacking the binaries (xz) holds the whole archive in memory. */
    static final String POSTGRES_HEAP = "-Xmx256m";

    ChildProcess postgres() {
        Map<String, String> env = new HashMap<>();
        Map<String, String> passwordByDatabase = new java.util.LinkedHashMap<>();
        for (PlatformService service : PlatformService.all()) {
            String password = secrets.password("db." + service.database);
            env.put("DB_PASSWORD_" + service.database.toUpperCase(), password);
            passwordByDatabase.put(service.database, password);
        }
        return new ChildProcess("postgres", "jdbc:postgresql://localhost:" + layout.postgresPort() + "/<database>",
                List.of(JAVA, POSTGRES_HEAP, "-cp", CLASSPATH,
                        Postgres.class.getName(), layout.data("postgres").toString(),
                        String.valueOf(layout.postgresPort()), layout.binaries("postgres").toString()),
                env, layout.home(), layout,
                Health.databases(layout.postgresPort(), passwordByDatabase));
    }

    ChildProcess kafka() throws IOException, InterruptedException {
        Path data = layout.data("kafka");
        Files.createDirectories(data);
        Path config = layout.home().resolve("kafka.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=localhost:" + layout.kafkaControllerPort(),
                "listeners=PLAINTEXT://localhost:" + layout.kafkaPort() + ",CONTROLLER://localhost:"
                        + layout.kafkaControllerPort(),
                "advertised.listeners=PLAINTEXT://localhost:" + layout.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "auto.create.topics.enable=false",
                "group.initial.rebalance.delay.ms=0", ""));
        String classpath = CLASSPATH;
        if (!Files.exists(data.resolve("meta.properties"))) {
            Process format = new ProcessBuilder(JAVA, "-cp", classpath, "kafka.tools.StorageTool", "format", "-t",
                    Uuid.randomUuid().toString(), "-c", config.toString(), "--standalone")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log("kafka").toFile()))
                    .start();
            if (format.waitFor() != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed: see " + layout.log("kafka"));
            }
        }
        return new ChildProcess("kafka", "localhost:" + layout.kafkaPort(),
                List.of(JAVA, "-Xmx512m", "-cp", classpath, "kafka.Kafka", config.toString()), Map.of(),
                layout.home(), layout, KafkaTopics.ready(layout.kafkaPort()));
    }

    ChildProcess keycloak() throws IOException {
        Path home = layout.keycloakHome();
        if (!Files.exists(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not installed in " + home + ": run ./platform up");
        }
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Path realm = layout.repository().resolve("local-stack/keycloak/platform-realm.json");
        Path imported = imports.resolve("platform-realm.json");
        // Keycloak imports a realm only once. The copy in data/import is what it imported: keep it while the data
        // lives, so that the warning comes back on every start until ./platform reset, instead of only once.
        if (Files.exists(home.resolve("data/h2")) && Files.exists(imported) && Files.mismatch(realm, imported) != -1) {
            System.out.println("WARNING: local-stack/keycloak/platform-realm.json changed since Keycloak imported it."
                    + " Keycloak keeps the old realm (new accounts, clients and rights are missing) until you run"
                    + " ./platform reset.");
        }
        else {
            Files.copy(realm, imported, StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String> env = new HashMap<>(realmPlaceholders());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "keycloak-admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.password("keycloak-admin"));
        env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        return new ChildProcess("keycloak", "http://localhost:" + layout.keycloakPort() + " (console user keycloak-admin)",
                List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--http-port=" + layout.keycloakPort(),
                        "--import-realm", "--cache=local"),
                env, home, layout,
                Health.http(layout.keycloakIssuer() + "/.well-known/openid-configuration"));
    }

    /** Values the realm file reads with ${...}: client secrets and demo passwords stay out of Git. */
    Map<String, String> realmPlaceholders() {
        Map<String, String> values = new HashMap<>();
        for (PlatformService service : PlatformService.all()) {
            values.put(service.envPrefix + "_SERVICE_CLIENT_SECRET", secrets.password("client." + service.module));
        }
        for (String user : DemoAccounts.USERNAMES) {
            values.put("DEMO_PASSWORD_" + user.toUpperCase(), secrets.password("demo." + user));
        }
        return values;
    }

    ChildProcess mail() {
        return new ChildProcess("mail", "smtp://localhost:" + layout.smtpPort() + ", http://localhost:"
                + layout.mailApiPort(),
                List.of(JAVA, "-Xmx128m", "-Dgreenmail.smtp.port=" + layout.smtpPort(),
                        "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.api.port=" + layout.mailApiPort(),
                        "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.auth.disabled",
                        "-jar", layout.tools().resolve("greenmail-standalone.jar").toString()),
                Map.of(), layout.home(), layout,
                Health.http("http://localhost:" + layout.mailApiPort() + "/api/service/readiness"));
    }

    /** The payment simulator's provider id: transaction-service's {@code transaction.payments.providers.simulator}. */
    static final String PAYMENT_SIMULATOR = "simulator";
    /** By name: the class needs WireMock's API, which is on the simulator's classpath, not the launcher's. */
    static final String PAYMENT_SIMULATOR_EXTENSION = "com.platform.localstack.simulator.PaymentSimulator";

    /**
     * WireMock standalone with the payment simulator's extension on its classpath (only the extension's own
     * location, not the launcher's libraries): it calls transaction-service back, signed with the shared secret,
     * and keeps its statement under {@code .platform/data/simulator} (wiped by ./platform reset with the databases).
     */
    ChildProcess simulator() {
        Map<String, String> env = new HashMap<>();
        env.put("PAYMENT_SIMULATOR_CALLBACK_URL", "http://localhost:" + PlatformService.TRANSACTION.port(layout));
        env.put("PAYMENT_SIMULATOR_CALLBACK_SECRET", secrets.callbackSecret(PAYMENT_SIMULATOR));
        env.put("PAYMENT_SIMULATOR_STATEMENT_FILE", layout.data("simulator").resolve("payments.jsonl").toString());
        String delay = layout.env().get("PAYMENT_SIMULATOR_CALLBACK_DELAY_MS");
        if (delay != null) {
            env.put("PAYMENT_SIMULATOR_CALLBACK_DELAY_MS", delay);
        }
        String classpath = layout.tools().resolve("wiremock-standalone.jar") + java.io.File.pathSeparator
                + extensionLocation();
        return new ChildProcess("simulator", "http://localhost:" + layout.simulatorPort()
                + " (identity, credit bureau, SMS, payments)",
                List.of(JAVA, "-Xmx256m", "--add-exports", "java.base/sun.security.x509=ALL-UNNAMED",
                        "-cp", classpath, "wiremock.Run",
                        "--port", String.valueOf(layout.simulatorPort()), "--root-dir",
                        layout.repository().resolve("local-stack/wiremock").toString(), "--disable-banner",
                        "--global-response-templating", "--extensions",
                        PAYMENT_SIMULATOR_EXTENSION),
                env, layout.home(), layout,
                Health.http("http://localhost:" + layout.simulatorPort() + "/__admin/health"));
    }

    /** Where the extension's classes are: local-stack's classes directory (or its jar), like this class. */
    private static String extensionLocation() {
        try {
            return Path.of(Components.class.getProtectionDomain()
                    .getCodeSource().getLocation().toURI()).toAbsolutePath().toString();
        }
        catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    ChildProcess service(PlatformService service) {
        Map<String, String> env = new HashMap<>();
        String prefix = service.envPrefix;
        env.put(prefix + "_SERVICE_PORT", String.valueOf(service.port(layout)));
        env.put(prefix + "_DB_URL", "jdbc:postgresql://localhost:" + layout.postgresPort() + "/" + service.database);
        env.put(prefix + "_DB_USERNAME", service.database);
        env.put(prefix + "_DB_PASSWORD", secrets.password("db." + service.database));
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + layout.kafkaPort());
        env.put("KEYCLOAK_ISSUER_URI", layout.keycloakIssuer());
        env.put("SERVICE_CLIENT_ID", service.module);
        env.put("SERVICE_CLIENT_SECRET", secrets.password("client." + service.module));
        env.put("PLATFORM_CRYPTO_AEAD_KEYSET", secrets.aeadKeyset());
        env.put("PLATFORM_CRYPTO_BLIND_INDEX_KEYSET", secrets.blindIndexKeyset());
        env.put("SPRING_MAIL_HOST", "localhost");
        env.put("SPRING_MAIL_PORT", String.valueOf(layout.smtpPort()));
        env.put("THIRD_PARTY_BASE_URL", "http://localhost:" + layout.simulatorPort());
        env.put("TRACING_SAMPLING_PROBABILITY", "1.0");
        // partners' webhook receivers on a developer's machine listen on loopback (refused in production)
        env.put("PARTNER_WEBHOOKS_ALLOW_LOOPBACK", "true");
        if (service == PlatformService.TRANSACTION) {
            // verifies the simulator's signed payment callbacks
            env.put("PAYMENT_SIMULATOR_CALLBACK_SECRET", secrets.callbackSecret(PAYMENT_SIMULATOR));
        }
        // every service finds the others' internal APIs (Feign) by the variables the gateway uses for its routes
        for (PlatformService other : PlatformService.all()) {
            env.put(other.envPrefix + "_SERVICE_URL", "http://localhost:" + other.port(layout));
        }
        String base = "http://localhost:" + service.port(layout);
        return new ChildProcess(service.module, base, javaJar(serviceJvm(), layout.moduleJar(service.module)),
                env, layout.home(), layout, Health.http(base + "/actuator/health/readiness"));
    }

    ChildProcess gateway() {
        Map<String, String> env = new HashMap<>();
        env.put("GATEWAY_PORT", String.valueOf(layout.gatewayPort()));
        env.put("KEYCLOAK_ISSUER_URI", layout.keycloakIssuer());
        // the partner quotas (platform.partner-quotas.v1), read from the beginning by every gateway instance
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + layout.kafkaPort());
        for (PlatformService service : PlatformService.all()) {
            env.put(service.envPrefix + "_SERVICE_URL", "http://localhost:" + service.port(layout));
        }
        String base = "http://localhost:" + layout.gatewayPort();
        return new ChildProcess("gateway", base, javaJar(GATEWAY_JVM, layout.moduleJar("gateway")), env,
                layout.home(), layout, Health.http(base + "/actuator/health/readiness"));
    }

    /**
     * {@link #SERVICE_JVM} unless {@code PLATFORM_SERVICE_JVM_OPTIONS} replaces it (space-separated), e.g. C2 and a
     * larger heap when the stack is started to be measured (docs/performance.md) rather than to be developed on.
     */
    List<String> serviceJvm() {
        String options = layout.env().get("PLATFORM_SERVICE_JVM_OPTIONS");
        return options == null || options.isBlank() ? SERVICE_JVM : List.of(options.trim().split("\\s+"));
    }

    private static List<String> javaJar(List<String> jvmOptions, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
