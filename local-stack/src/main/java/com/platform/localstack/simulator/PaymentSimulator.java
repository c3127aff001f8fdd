package com.platform.localstack.simulator;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The local payment institution (provider id {@code simulator}): a WireMock extension that accepts a payment with
 * 202, decides its result and, after a delay, posts the signed result to transaction-service's callback, as a real
 * provider does (transaction-service README, "Payments and callbacks"). It also serves the statement that
 * reconciliation reads.
 *
 * <ul>
 * <li>{@code POST /payments/v1/payments} {@code {paymentId, transactionId, method, amount: {amount, currency},
 * callbackPath}}: 202 {@code {providerPaymentId, status: PROCESSING}}; the same {@code paymentId} again replays
 * the first answer (no second callback), with another payment behind it is 409; a malformed request is 400.</li>
 * <li>Every payment succeeds, except an amount whose minor units end in {@code .13} (any method, e.g.
 * {@code 100.13}), which is declined: {@value #DECLINED_REASON}.</li>
 * <li>After {@code PAYMENT_SIMULATOR_CALLBACK_DELAY_MS} (1500) it posts
 * {@code {paymentId, providerPaymentId, status: SUCCEEDED|FAILED, reason?, amount}} to
 * {@code PAYMENT_SIMULATOR_CALLBACK_URL} + the request's {@code callbackPath}, signed with
 * {@code PAYMENT_SIMULATOR_CALLBACK_SECRET}: {@code X-Signature-Timestamp} (Unix seconds) and
 * {@code X-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">}. No answer, 404 (the payment's
 * initiation has not committed yet), 408, 429 and 5xx are retried with a fresh signature (back-off doubling up to
 * a minute, {@value #MAX_ATTEMPTS} attempts); another 4xx (e.g. 401: not the same secret) is logged and not
 * retried. Without a URL or a secret no callback is sent (the payment is still completed and on the
 * statement).</li>
 * <li>{@code GET /payments/v1/statements?from=&to=} (ISO-8601 instants): every payment completed in
 * {@code [from, to)} with {@code paymentId, providerPaymentId, status, amount} (and method, reason,
 * completedAt).</li>
 * </ul>
 *
 * <p>With {@code PAYMENT_SIMULATOR_STATEMENT_FILE} set, every change is appended to that file (JSON lines) and read
 * back on start, so a restart keeps the statement and resumes the callbacks still due; without it everything is in
 * memory and a restart starts with an empty statement.
 *
 * <p>Only the JDK and WireMock's own API are used: the simulator runs on wiremock-standalone's classpath, not the
 * launcher's; the package is compiled for Java 11, the oldest JRE WireMock 3's Docker images ship. The secret and
 * the signatures are never logged.
 */
public final class PaymentSimulator implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "payment-simulator";
    public static final String DECLINED_SUFFIX = ".13";
    public static final String DECLINED_REASON = "insufficient funds (the simulator declines amounts ending in .13)";
    static final String DEFAULT_CALLBACK_PATH = "/api/v1/payments/callbacks/simulator";
    static final int MAX_ATTEMPTS = 10;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,4})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern METHOD = Pattern.compile("[A-Z][A-Z_]{0,31}");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9/_.-]{0,200}");

    /** Where results go and how: from the environment in the simulator process, explicit in tests. */
    public static final class Settings {

        private final URI callbackBaseUrl;
        private final String secret;
        private final Duration delay;
        private final Path statementFile;

        public Settings(URI callbackBaseUrl, String secret, Duration delay, Path statementFile) {
            this.callbackBaseUrl = callbackBaseUrl;
            this.secret = secret;
            this.delay = delay;
            this.statementFile = statementFile;
        }

        public URI callbackBaseUrl() {
            return callbackBaseUrl;
        }

        String secret() {
            return secret;
        }

        public Duration delay() {
            return delay;
        }

        public Path statementFile() {
            return statementFile;
        }

        public static Settings fromEnvironment(Map<String, String> env) {
            String url = blankToNull(env.get("PAYMENT_SIMULATOR_CALLBACK_URL"));
            String delay = blankToNull(env.get("PAYMENT_SIMULATOR_CALLBACK_DELAY_MS"));
            String file = blankToNull(env.get("PAYMENT_SIMULATOR_STATEMENT_FILE"));
            return new Settings(url == null ? null : URI.create(url), blankToNull(env.get("PAYMENT_SIMULATOR_CALLBACK_SECRET")),
                    Duration.ofMillis(delay == null ? 1500 : Long.parseLong(delay)), file == null ? null : Path.of(file));
        }

        boolean callsBack() {
            return callbackBaseUrl != null && secret != null;
        }
    }

    /** One payment as the provider knows it; {@code callback} is PENDING, DELIVERED, REFUSED or GAVE_UP. */
    static final class Payment {

        private final UUID paymentId;
        private final String providerPaymentId;
        private final UUID transactionId;
        private final String method;
        private final String amount;
        private final String currency;
        private final String callbackPath;
        private final String status;
        private final String reason;
        private final Instant acceptedAt;
        private final Instant completedAt;
        private final String callback;

        Payment(UUID paymentId, String providerPaymentId, UUID transactionId, String method, String amount,
                String currency, String callbackPath, String status, String reason, Instant acceptedAt,
                Instant completedAt, String callback) {
            this.paymentId = paymentId;
            this.providerPaymentId = providerPaymentId;
            this.transactionId = transactionId;
            this.method = method;
            this.amount = amount;
            this.currency = currency;
            this.callbackPath = callbackPath;
            this.status = status;
            this.reason = reason;
            this.acceptedAt = acceptedAt;
            this.completedAt = completedAt;
            this.callback = callback;
        }

        UUID paymentId() {
            return paymentId;
        }

        String providerPaymentId() {
            return providerPaymentId;
        }

        UUID transactionId() {
            return transactionId;
        }

        String method() {
            return method;
        }

        String amount() {
            return amount;
        }

        String currency() {
            return currency;
        }

        String callbackPath() {
            return callbackPath;
        }

        String status() {
            return status;
        }

        String reason() {
            return reason;
        }

        Instant acceptedAt() {
            return acceptedAt;
        }

        Instant completedAt() {
            return completedAt;
        }

        String callback() {
            return callback;
        }

        boolean completed() {
            return completedAt != null;
        }

        boolean samePaymentAs(Payment other) {
            return Objects.equals(transactionId, other.transactionId) && method.equals(other.method)
                    && new BigDecimal(amount).compareTo(new BigDecimal(other.amount)) == 0
                    && currency.equals(other.currency);
        }

        Payment completed(Instant at) {
            boolean declined = declines(amount);
            return new Payment(paymentId, providerPaymentId, transactionId, method, amount, currency, callbackPath,
                    declined ? "FAILED" : "SUCCEEDED", declined ? DECLINED_REASON : null, acceptedAt, at, "PENDING");
        }

        Payment callback(String state) {
            return new Payment(paymentId, providerPaymentId, transactionId, method, amount, currency, callbackPath,
                    status, reason, acceptedAt, completedAt, state);
        }

        Map<String, Object> money() {
            Map<String, Object> money = new LinkedHashMap<>();
            money.put("amount", amount);
            money.put("currency", currency);
            return money;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("paymentId", paymentId.toString());
            map.put("providerPaymentId", providerPaymentId);
            map.put("transactionId", transactionId == null ? null : transactionId.toString());
            map.put("method", method);
            map.put("amount", money());
            map.put("callbackPath", callbackPath);
            map.put("status", status);
            map.put("reason", reason);
            map.put("acceptedAt", acceptedAt.toString());
            map.put("completedAt", completedAt == null ? null : completedAt.toString());
            map.put("callback", callback);
            return map;
        }

        @SuppressWarnings("unchecked")
        static Payment fromMap(Map<String, Object> map) {
            Map<String, Object> money = (Map<String, Object>) map.get("amount");
            String transactionId = (String) map.get("transactionId");
            String completedAt = (String) map.get("completedAt");
            return new Payment(UUID.fromString((String) map.get("paymentId")), (String) map.get("providerPaymentId"),
                    transactionId == null ? null : UUID.fromString(transactionId), (String) map.get("method"),
                    (String) money.get("amount"), (String) money.get("currency"), (String) map.get("callbackPath"),
                    (String) map.get("status"), (String) map.get("reason"),
                    Instant.parse((String) map.get("acceptedAt")),
                    completedAt == null ? null : Instant.parse(completedAt), (String) map.get("callback"));
        }
    }

    private final Settings settings;
    private final Map<UUID, Payment> payments = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "payment-simulator-callbacks");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The constructor {@code --extensions} uses: settings from the environment. */
    public PaymentSimulator() {
        this(Settings.fromEnvironment(System.getenv()));
    }

    public PaymentSimulator(Settings settings) {
        this.settings = settings;
        load();
        if (!settings.callsBack()) {
            log("PAYMENT_SIMULATOR_CALLBACK_URL or PAYMENT_SIMULATOR_CALLBACK_SECRET not set: payments are completed"
                    + " and listed on the statement, but no callback is sent");
        }
        else {
            log("calling back " + settings.callbackBaseUrl() + " " + settings.delay().toMillis() + " ms after"
                    + " accepting a payment; statement " + (settings.statementFile() == null ? "in memory (lost on restart)"
                            : "kept in " + settings.statementFile()));
        }
        // resume what a restart interrupted: payments not completed yet, callbacks not delivered yet
        for (Payment payment : payments.values()) {
            if (!payment.completed()) {
                Duration left = Duration.between(Instant.now(), payment.acceptedAt().plus(settings.delay()));
                schedule(payment.paymentId(), 1, left.isNegative() ? Duration.ZERO : left);
            }
            else if ("PENDING".equals(payment.callback())) {
                schedule(payment.paymentId(), 1, Duration.ZERO);
            }
        }
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Parameters parameters = serveEvent.getTransformerParameters();
        Object operation = parameters == null ? null : parameters.get("operation");
        LoggedRequest request = serveEvent.getRequest();
        if ("payment".equals(operation)) {
            return accept(request);
        }
        if ("statement".equals(operation)) {
            return statement(request);
        }
        return json(500, Map.of("error", "the mapping names no operation (payment or statement) for " + NAME));
    }

    /** The amounts the simulator declines: minor units ending in .13, whatever the method. */
    static boolean declines(String amount) {
        return new BigDecimal(amount).remainder(BigDecimal.ONE).compareTo(new BigDecimal("0.13")) == 0;
    }

    // ---- POST /payments/v1/payments

    private ResponseDefinition accept(LoggedRequest request) {
        Payment requested;
        try {
            requested = parse(request.getBodyAsString());
        }
        catch (IllegalArgumentException | ClassCastException e) {
            return json(400, Map.of("error", e.getMessage() == null ? "malformed payment request" : e.getMessage()));
        }
        String idempotencyKey = request.getHeader("Idempotency-Key");
        if (idempotencyKey != null && !idempotencyKey.equals(requested.paymentId().toString())) {
            return json(400, Map.of("error", "Idempotency-Key must be the paymentId"));
        }
        Payment stored;
        boolean created;
        synchronized (this) {
            Payment existing = payments.get(requested.paymentId());
            created = existing == null;
            stored = created ? requested : existing;
            if (created) {
                keep(stored);
            }
        }
        if (!created && !stored.samePaymentAs(requested)) {
            return json(409, Map.of("error", "paymentId " + requested.paymentId() + " was used for another payment"));
        }
        if (created) {
            log("accepted payment " + stored.paymentId() + " (" + stored.method() + " " + stored.amount() + " "
                    + stored.currency() + "): " + (declines(stored.amount()) ? "will be declined" : "will succeed"));
            schedule(stored.paymentId(), 1, settings.delay());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerPaymentId", stored.providerPaymentId());
        body.put("status", "PROCESSING");
        return json(202, body);
    }

    @SuppressWarnings("unchecked")
    private static Payment parse(String body) {
        Map<String, Object> map;
        try {
            map = Json.read(body, Map.class);
        }
        catch (RuntimeException e) {
            throw new IllegalArgumentException("body must be a JSON payment request");
        }
        if (map == null) {
            throw new IllegalArgumentException("body must be a JSON payment request");
        }
        UUID paymentId = uuid(map.get("paymentId"), "paymentId", true);
        UUID transactionId = uuid(map.get("transactionId"), "transactionId", false);
        String method = text(map.get("method"), "method", METHOD);
        if (!(map.get("amount") instanceof Map)) {
            throw new IllegalArgumentException("amount must be {amount, currency}");
        }
        Map<?, ?> money = (Map<?, ?>) map.get("amount");
        String amount = text(money.get("amount"), "amount.amount", AMOUNT);
        if (new BigDecimal(amount).signum() <= 0) {
            throw new IllegalArgumentException("amount.amount must be positive");
        }
        String currency = text(money.get("currency"), "amount.currency", CURRENCY);
        String callbackPath = map.get("callbackPath") == null ? DEFAULT_CALLBACK_PATH
                : text(map.get("callbackPath"), "callbackPath", PATH);
        if (callbackPath.contains("..") || callbackPath.contains("//")) {
            throw new IllegalArgumentException("callbackPath must be a plain path");
        }
        return new Payment(paymentId, "sim-" + UUID.randomUUID(), transactionId, method, amount, currency,
                callbackPath, "PROCESSING", null, Instant.now(), null, null);
    }

    private static UUID uuid(Object value, String field, boolean required) {
        if (value == null && !required) {
            return null;
        }
        try {
            return UUID.fromString((String) value);
        }
        catch (RuntimeException e) {
            throw new IllegalArgumentException(field + " must be a UUID");
        }
    }

    private static String text(Object value, String field, Pattern pattern) {
        if (!(value instanceof String) || !pattern.matcher((String) value).matches()) {
            throw new IllegalArgumentException(field + " must match " + pattern.pattern());
        }
        return (String) value;
    }

    // ---- the callback

    private void schedule(UUID paymentId, int attempt, Duration after) {
        try {
            scheduler.schedule(() -> complete(paymentId, attempt), after.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (java.util.concurrent.RejectedExecutionException stopped) {
            // the simulator is stopping: the file (if any) keeps what is still due
        }
    }

    private void complete(UUID paymentId, int attempt) {
        try {
            Payment payment = payments.get(paymentId);
            if (!payment.completed()) {
                payment = payment.completed(Instant.now());
                keep(payment);
                log("payment " + paymentId + " " + payment.status());
            }
            if (!settings.callsBack()) {
                keep(payment.callback("NOT_CONFIGURED"));
                return;
            }
            callBack(payment, attempt);
        }
        catch (RuntimeException e) {
            log("callback of " + paymentId + " failed: " + e);
        }
    }

    private void callBack(Payment payment, int attempt) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("paymentId", payment.paymentId().toString());
        result.put("providerPaymentId", payment.providerPaymentId());
        result.put("status", payment.status());
        if (payment.reason() != null) {
            result.put("reason", payment.reason());
        }
        result.put("amount", payment.money());
        byte[] body = compact(result).getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        URI target = URI.create(stripSlash(settings.callbackBaseUrl().toString()) + payment.callbackPath());
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Signature-Timestamp", String.valueOf(timestamp))
                .header("X-Signature", sign(settings.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (IOException e) {
            status = -1;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (status >= 200 && status < 300) {
            keep(payment.callback("DELIVERED"));
            log("callback of " + payment.paymentId() + " (" + payment.status() + ") delivered: " + status);
            return;
        }
        boolean retry = status == -1 || status == 404 || status == 408 || status == 429 || status >= 500;
        if (!retry) {
            keep(payment.callback("REFUSED"));
            log("callback of " + payment.paymentId() + " refused with " + status + (status == 401
                    ? ": is PAYMENT_SIMULATOR_CALLBACK_SECRET the same as transaction-service's?" : "") + "; not retried");
            return;
        }
        if (attempt >= MAX_ATTEMPTS) {
            keep(payment.callback("GAVE_UP"));
            log("callback of " + payment.paymentId() + " gave up after " + attempt + " attempts (last: "
                    + (status == -1 ? "no answer" : status) + ")");
            return;
        }
        Duration backoff = Duration.ofSeconds(1L << Math.min(attempt - 1, 6));
        backoff = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        log("callback of " + payment.paymentId() + " attempt " + attempt + ": " + (status == -1 ? "no answer" : status)
                + "; retried in " + backoff.toSeconds() + " s");
        schedule(payment.paymentId(), attempt + 1, backoff);
    }

    /** {@code sha256=} + hex HMAC-SHA256(secret, {@code <timestamp>.<body>}), as transaction-service verifies. */
    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            StringBuilder hex = new StringBuilder("sha256=");
            for (byte b : mac.doFinal(body)) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- GET /payments/v1/statements

    private ResponseDefinition statement(LoggedRequest request) {
        Instant from;
        Instant to;
        try {
            from = instant(request.queryParameter("from"), "from");
            to = instant(request.queryParameter("to"), "to");
        }
        catch (IllegalArgumentException e) {
            return json(400, Map.of("error", e.getMessage()));
        }
        if (!from.isBefore(to)) {
            return json(400, Map.of("error", "from must be before to"));
        }
        List<Map<String, Object>> items = payments.values().stream()
                .filter(p -> p.completed() && !p.completedAt().isBefore(from) && p.completedAt().isBefore(to))
                .sorted(Comparator.comparing(Payment::completedAt))
                .map(p -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("paymentId", p.paymentId().toString());
                    item.put("providerPaymentId", p.providerPaymentId());
                    item.put("status", p.status());
                    item.put("amount", p.money());
                    item.put("method", p.method());
                    item.put("reason", p.reason());
                    item.put("completedAt", p.completedAt().toString());
                    return item;
                })
                .collect(java.util.stream.Collectors.toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", "simulator");
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("items", items);
        return json(200, body);
    }

    private static Instant instant(QueryParameter parameter, String name) {
        if (parameter == null || !parameter.isPresent() || parameter.firstValue().isBlank()) {
            throw new IllegalArgumentException(name + " is required (an ISO-8601 instant)");
        }
        try {
            return Instant.parse(parameter.firstValue());
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant");
        }
    }

    // ---- keeping

    private synchronized void keep(Payment payment) {
        payments.put(payment.paymentId(), payment);
        if (settings.statementFile() == null) {
            return;
        }
        try {
            Files.createDirectories(settings.statementFile().toAbsolutePath().getParent());
            Files.writeString(settings.statementFile(), compact(payment.toMap()) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
        }
        catch (IOException e) {
            log("cannot keep payment " + payment.paymentId() + " in " + settings.statementFile() + ": " + e);
        }
    }

    @SuppressWarnings("unchecked")
    private void load() {
        Path file = settings.statementFile();
        if (file == null || !Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Payment payment = Payment.fromMap(Json.read(line, Map.class));
                    payments.put(payment.paymentId(), payment);
                }
                catch (RuntimeException e) {
                    // a line cut short by a crash: the payments before it are intact
                    log("skipped an unreadable line of " + file);
                }
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot read the simulator's statement " + file, e);
        }
    }

    private static ResponseDefinition json(int status, Map<String, ?> body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(compact(body))
                .build();
    }

    /** WireMock's {@code Json.write} pretty-prints; JSON strings hold no raw line breaks, so this is lossless. */
    private static String compact(Object value) {
        return Json.write(value).replace("\r", "").replace("\n", "");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void log(String message) {
        System.out.println("[payment-simulator] " + message);
    }
}
