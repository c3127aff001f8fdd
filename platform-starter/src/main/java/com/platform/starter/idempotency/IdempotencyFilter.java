package com.platform.starter.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.platform.starter.problem.FieldViolation;
import com.platform.starter.problem.ProblemCodes;
import com.platform.starter.problem.Problems;
import com.platform.starter.security.CurrentCaller;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Idempotency keys for POSTs (api.md, T4). Keys are scoped to the caller (token subject). The first request with a
 * key claims it and runs; its response (below 500) is stored and replayed, byte for byte, to retries with the same
 * method, path and body. The same key with another request is 422 {@code IDEMPOTENCY_KEY_REUSED}; a duplicate that
 * arrives while the first still runs is 409 {@code IDEMPOTENCY_REQUEST_IN_PROGRESS}, never a second execution.
 * A 5xx or an exception releases the key so that the client may retry.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyKeyStore store;
    private final Problems problems;
    private final IdempotencyProperties properties;

    IdempotencyFilter(IdempotencyKeyStore store, Problems problems, IdempotencyProperties properties) {
        this.store = store;
        this.problems = problems;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, ProblemCodes.VALIDATION_FAILED,
                    "The request has invalid fields.",
                    List.of(new FieldViolation(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters")));
            return;
        }
        Optional<byte[]> body = readBody(request);
        if (body.isEmpty()) {
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, ProblemCodes.PAYLOAD_TOO_LARGE,
                    "The request is too large.", List.of());
            return;
        }
        String caller = CurrentCaller.find().map(CurrentCaller::actor).orElse("anonymous");
        String hash = hash(request, body.get());

        if (claim(caller, key, hash)) {
            execute(new CachedBodyRequest(request, body.get()), response, chain, caller, key);
            return;
        }
        Optional<IdempotencyKeyStore.StoredKey> stored = store.find(caller, key);
        if (stored.isPresent() && !stored.get().requestHash().equals(hash)) {
            problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, ProblemCodes.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request.", List.of());
        }
        else if (stored.isPresent() && stored.get().state() == IdempotencyKeyStore.State.COMPLETED) {
            replay(stored.get(), response);
        }
        else {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(request, response, HttpStatus.CONFLICT, ProblemCodes.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                    "A request with this Idempotency-Key is still being processed.", List.of());
        }
    }

    private boolean claim(String caller, String key, String hash) {
        if (store.claim(caller, key, hash)) {
            return true;
        }
        // A claim left by an instance that died mid-request would block the key for ever.
        Instant abandonedBefore = Instant.now().minus(properties.abandonAfter());
        return store.releaseIfAbandoned(caller, key, abandonedBefore) && store.claim(caller, key, hash);
    }

    private void execute(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String caller,
            String key) throws IOException, ServletException {
        ContentCachingResponseWrapper caching = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(request, caching);
            int status = caching.getStatus();
            if (status < 500) {
                store.complete(caller, key, status, caching.getContentType(), caching.getHeader(HttpHeaders.LOCATION),
                        caching.getContentAsByteArray());
                completed = true;
            }
        }
        finally {
            if (!completed) {
                store.release(caller, key);
            }
            caching.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyKeyStore.StoredKey stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        byte[] body = stored.body() != null ? stored.body() : new byte[0];
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private Optional<byte[]> readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(properties.maxBodyBytes() + 1);
            return body.length > properties.maxBodyBytes() ? Optional.empty() : Optional.of(body);
        }
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getMethod().getBytes());
            digest.update((byte) ' ');
            digest.update(request.getRequestURI().getBytes());
            if (request.getQueryString() != null) {
                digest.update(("?" + request.getQueryString()).getBytes());
            }
            digest.update((byte) '\n');
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
