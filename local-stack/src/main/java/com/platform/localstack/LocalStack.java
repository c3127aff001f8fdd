package com.platform.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./platform up}: starts every component, waits until each is healthy, prints where everything is, then
 * runs until stopped (Ctrl-C or {@code ./platform down}) and stops everything it started, newest first.
 * {@code status} and {@code inbox} are answered from the files it leaves in {@code .platform/}.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration INFRASTRUCTURE_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration SERVICE_TIMEOUT = Duration.ofMinutes(4);

    private final StackLayout layout;
    /** Started components by tier (infrastructure, services, gateway): stopped newest tier first. */
    private final List<List<Component>> tiers = new ArrayList<>();

    LocalStack(StackLayout layout) {
        this.layout = layout;
    }

    public static void main(String[] args) throws Exception {
        StackLayout layout = StackLayout.fromEnvironment(Path.of(System.getProperty("platform.repository", ".")));
        String command = args.length > 0 ? args[0] : "up";
        switch (command) {
            case "up" -> new LocalStack(layout).runUntilStopped();
            case "status" -> System.exit(new LocalStack(layout).status() ? 0 : 1);
            case "leftovers" -> {
                List<String> stopped = Leftovers.stop(layout);
                stopped.forEach(leftover -> say("stopped " + leftover + ", left running by a launcher that did not"
                        + " stop cleanly"));
                System.out.println(stopped.isEmpty() ? "platform: not running" : "platform: stopped");
            }
            case "inbox" -> {
                if (args.length < 2) {
                    System.err.println("usage: ./platform inbox ADDRESS_OR_PHONE");
                    System.exit(2);
                }
                new Inbox(layout).print(args[1]);
            }
            default -> {
                System.err.println("unknown command " + command);
                System.exit(2);
            }
        }
    }

    private Secrets secrets;

    /** Starts everything and waits until healthy; on failure stops what it started and throws. */
    public static LocalStack start(StackLayout layout) throws Exception {
        LocalStack stack = new LocalStack(layout);
        stack.startAll();
        return stack;
    }

    private void runUntilStopped() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "local-stack-shutdown"));
        try {
            startAll();
        }
        catch (Exception e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(1);
        }
        new CountDownLatch(1).await();
    }

    private void startAll() throws Exception {
        long begin = System.nanoTime();
        Files.createDirectories(layout.logs());
        for (String leftover : Leftovers.stop(layout)) {
            say("stopped " + leftover + ", left running by a launcher that did not stop cleanly");
        }
        List<String> taken = takenPorts();
        if (!taken.isEmpty()) {
            throw new IllegalStateException("cannot start:\n  " + String.join("\n  ", taken)
                    + "\n  Is the platform already running? ./platform status");
        }
        for (String module : List.of("user-service", "partner-service", "transaction-service", "risk-service",
                "gateway")) {
            if (!Files.exists(layout.moduleJar(module))) {
                throw new IllegalStateException(layout.moduleJar(module) + " is missing: ./platform up builds it");
            }
        }
        secrets = Secrets.load(layout);
        Components components = new Components(layout, secrets);
        try {
            List<Component> infrastructure = List.of(components.postgres(), components.kafka(),
                    components.mail(), components.simulator(), components.keycloak());
            startAndWait(infrastructure, INFRASTRUCTURE_TIMEOUT);
            List<Component> services = new ArrayList<>();
            PlatformService.all().forEach(service -> services.add(components.service(service)));
            startAndWait(services, SERVICE_TIMEOUT);
            startAndWait(List.of(components.gateway()), SERVICE_TIMEOUT);
        }
        catch (Exception e) {
            stopAll();
            throw e;
        }
        writeState();
        printSummary(secrets, Duration.ofNanos(System.nanoTime() - begin));
    }

    /** The generated password of a demo staff account. */
    public String demoPassword(String username) {
        return secrets.password("demo." + username);
    }

    /** The generated Keycloak client secret of a service (for tests acting as that service). */
    public String clientSecret(String module) {
        return secrets.password("client." + module);
    }

    /** What the platform sent to an e-mail address or phone number (the local mail server, the SMS simulator). */
    public List<String> inbox(String recipient) throws IOException, InterruptedException {
        return new Inbox(layout).messagesTo(recipient);
    }

    public StackLayout layout() {
        return layout;
    }

    /** Stops one component, e.g. a service, to see how the rest copes. */
    public void stop(String name) {
        started().stream().filter(c -> c.name().equals(name)).forEach(Component::stop);
    }

    /** Starts a component stopped with {@link #stop} again, on the same data, and waits until it is healthy. */
    public void startAgain(String name) throws Exception {
        List<Component> named = started().stream().filter(c -> c.name().equals(name)).toList();
        for (Component component : named) {
            say("starting " + component.name() + " again");
            component.start();
        }
        waitHealthy(named, Duration.ofMinutes(3));
    }

    @Override
    public void close() {
        stopAll();
    }

    private List<String> takenPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("GATEWAY_PORT", layout.gatewayPort());
        ports.put("KEYCLOAK_PORT", layout.keycloakPort());
        ports.put("POSTGRES_PORT", layout.postgresPort());
        ports.put("KAFKA_PORT", layout.kafkaPort());
        ports.put("KAFKA_CONTROLLER_PORT", layout.kafkaControllerPort());
        ports.put("SMTP_PORT", layout.smtpPort());
        ports.put("MAIL_API_PORT", layout.mailApiPort());
        ports.put("SIMULATOR_PORT", layout.simulatorPort());
        PlatformService.all().forEach(s -> ports.put(s.envPrefix + "_SERVICE_PORT", s.port(layout)));
        List<String> taken = new ArrayList<>();
        ports.forEach((variable, port) -> {
            if (!Health.portFree(port)) {
                taken.add("port " + port + " is taken (set " + variable + " to use another)");
            }
        });
        return taken;
    }

    private void startAndWait(List<? extends Component> components, Duration timeout) throws Exception {
        List<Component> tier = new ArrayList<>();
        tiers.add(tier);
        for (Component component : components) {
            say("starting " + component.name());
            component.start();
            tier.add(component);
        }
        waitHealthy(components, timeout);
    }

    private void waitHealthy(List<? extends Component> components, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Component> waiting = new ArrayList<>(components);
        while (!waiting.isEmpty()) {
            for (Component component : List.copyOf(waiting)) {
                if (component.healthy()) {
                    say(component.name() + " is healthy");
                    waiting.remove(component);
                }
                else if (component instanceof ChildProcess child && child.exited()) {
                    throw new IllegalStateException(component.name() + " exited; see " + layout.log(component.name()));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not healthy in time: " + waiting.stream().map(Component::name)
                        .toList() + "; see their logs in " + layout.logs());
            }
            Thread.sleep(500);
        }
    }

    private synchronized void stopAll() {
        for (int i = tiers.size() - 1; i >= 0; i--) {
            List<Thread> stopping = new ArrayList<>();
            for (Component component : tiers.get(i)) {
                say("stopping " + component.name());
                stopping.add(Thread.ofVirtual().start(component::stop));
            }
            for (Thread thread : stopping) {
                try {
                    thread.join();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        tiers.clear();
        say("stopped");
        try {
            Files.deleteIfExists(layout.home().resolve("components.properties"));
        }
        catch (IOException ignored) {
            // best effort
        }
    }

    private List<Component> started() {
        return tiers.stream().flatMap(List::stream).toList();
    }

    private void writeState() throws IOException {
        Properties state = new Properties();
        for (Component component : started()) {
            state.setProperty(component.name(), component.address());
        }
        try (Writer writer = Files.newBufferedWriter(layout.home().resolve("components.properties"))) {
            state.store(writer, "components of the running local stack");
        }
    }

    boolean status() throws IOException {
        Path file = layout.home().resolve("components.properties");
        if (!Files.exists(file)) {
            System.out.println("The local stack is not running (./platform up).");
            return false;
        }
        Properties state = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            state.load(reader);
        }
        boolean allUp = true;
        for (String name : state.stringPropertyNames().stream().sorted().toList()) {
            boolean up = statusCheck(name).getAsBoolean();
            allUp &= up;
            System.out.printf("%-20s %-5s %s%n", name, up ? "UP" : "DOWN", state.getProperty(name));
        }
        return allUp;
    }

    private java.util.function.BooleanSupplier statusCheck(String name) {
        for (PlatformService service : PlatformService.all()) {
            if (service.module.equals(name)) {
                return Health.http("http://localhost:" + service.port(layout) + "/actuator/health/readiness");
            }
        }
        return switch (name) {
            case "gateway" -> Health.http("http://localhost:" + layout.gatewayPort() + "/actuator/health/readiness");
            case "keycloak" -> Health.http(layout.keycloakIssuer() + "/.well-known/openid-configuration");
            case "postgres" -> Health.tcp(layout.postgresPort());
            case "kafka" -> Health.tcp(layout.kafkaPort());
            case "mail" -> Health.http("http://localhost:" + layout.mailApiPort() + "/api/service/readiness");
            case "simulator" -> Health.http("http://localhost:" + layout.simulatorPort() + "/__admin/health");
            default -> () -> false;
        };
    }

    private void printSummary(Secrets secrets, Duration took) {
        String gateway = "http://localhost:" + layout.gatewayPort();
        StringBuilder out = new StringBuilder("\nThe platform is up (started in " + took.toSeconds() + " s).\n\n");
        out.append(String.format("  %-22s %s%n", "API (gateway)", gateway + "/api/v1/..."));
        out.append(String.format("  %-22s %s%n", "Swagger UI", gateway + "/swagger-ui.html"));
        out.append(String.format("  %-22s %s%n", "Keycloak", "http://localhost:" + layout.keycloakPort()
                + "  (realm platform)"));
        for (Component component : started()) {
            out.append(String.format("  %-22s %s%n", component.name(), component.address()));
        }
        out.append("\nDemo staff accounts (local only; passwords generated in .platform/secrets.properties):\n");
        for (String user : DemoAccounts.USERNAMES) {
            out.append(String.format("  %-10s %-13s %s%n", user, DemoAccounts.role(user),
                    secrets.password("demo." + user)));
        }
        out.append("\nLogs: ./platform logs NAME    Sent codes: ./platform inbox ADDRESS_OR_PHONE    Stop: Ctrl-C\n");
        System.out.println(out);
    }

    private static void say(String message) {
        System.out.println("[local-stack] " + message);
    }
}
