package com.platform.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.platform.localstack.LocalStack;
import com.platform.localstack.StackLayout;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the local stack once for all end-to-end tests, with its own home under {@code target/} and ports shifted
 * by 10000, so that it never meets a developer's running {@code ./platform up}. Data starts empty on every run;
 * the stack stops when the test JVM ends.
 */
public class E2EStack implements BeforeAllCallback {

    private static final int PORT_OFFSET = 10_000;
    private static LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        get();
    }

    static synchronized LocalStack get() throws Exception {
        if (stack == null) {
            Path repository = Path.of("..").toAbsolutePath().normalize();
            Path home = Path.of("target/platform-home").toAbsolutePath();
            installKeycloak(repository, home);
            // Every run starts from empty databases, broker and realm, so that results never depend on a last run.
            deleteRecursively(home.resolve("data"));
            deleteRecursively(home.resolve("keycloak/data"));
            stack = LocalStack.start(StackLayout.isolated(repository, home, shiftedPorts()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (stack != null) {
                    stack.close();
                }
            }));
        }
        return stack;
    }

    /** Stops the whole stack and starts it again on the same data, as {@code ./platform down} then {@code up}. */
    static synchronized void restart() throws Exception {
        StackLayout layout = get().layout();
        stack.close();
        stack = null;
        stack = LocalStack.start(layout);
    }

    static String gateway() throws Exception {
        return "http://localhost:" + get().layout().gatewayPort();
    }

    private static Map<String, String> shiftedPorts() {
        Map<String, Integer> defaults = Map.ofEntries(Map.entry("GATEWAY_PORT", 8080),
                Map.entry("KEYCLOAK_PORT", 8180), Map.entry("POSTGRES_PORT", 5432), Map.entry("KAFKA_PORT", 9092),
                Map.entry("KAFKA_CONTROLLER_PORT", 9093), Map.entry("SMTP_PORT", 3025),
                Map.entry("MAIL_API_PORT", 8025), Map.entry("SIMULATOR_PORT", 8089),
                Map.entry("USER_SERVICE_PORT", 8081), Map.entry("PARTNER_SERVICE_PORT", 8082),
                Map.entry("TRANSACTION_SERVICE_PORT", 8083), Map.entry("RISK_SERVICE_PORT", 8084));
        Map<String, String> ports = new HashMap<>();
        defaults.forEach((variable, port) -> ports.put(variable, String.valueOf(port + PORT_OFFSET)));
        return ports;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Keycloak runs from a copy of the distribution that the local-stack module unpacked. */
    private static void installKeycloak(Path repository, Path home) throws IOException {
        Path target = home.resolve("keycloak");
        if (Files.exists(target.resolve("bin/kc.sh"))) {
            return;
        }
        Path distribution = repository.resolve("local-stack/target/keycloak/keycloak-"
                + System.getProperty("keycloak.version"));
        try (Stream<Path> files = Files.walk(distribution)) {
            files.forEach(source -> {
                Path destination = target.resolve(distribution.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(destination);
                    }
                    else {
                        Files.copy(source, destination, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
