package com.platform.starter.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.platform.starter.problem.FieldViolation;
import com.platform.starter.problem.ProblemCodes;
import com.platform.starter.problem.Problems;
import com.platform.starter.security.CurrentCaller;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Idempotency keys for POSTs (api.md, T4). Keys are scoped to the caller (token subject). The first request with a
 * key runs; its response is stored and replayed, byte for byte, to retries with the same method, path and body.
 * The same key with another request is 422 {@code IDEMPOTENCY_KEY_REUSED}; a duplicate that arrives while the
 * first still runs is 409 {@code IDEMPOTENCY_REQUEST_IN_PROGRESS}, never a second execution.
 *
 * <p><b>The stored response commits in the same transaction as the effect.</b> The filter opens one database
 * transaction around the whole request: it takes the key with a transaction-scoped advisory lock, runs the
 * handler (whose {@code @Transactional} methods and {@code TransactionTemplate}s join this transaction, as they
 * do by default with propagation REQUIRED), then inserts the response into {@code idempotency_key} and commits
 * once. Effect and response are one commit record in PostgreSQL's write-ahead log, so a crash between "effect
 * committed" and "response stored" cannot happen by construction: after any crash either both exist (a retry
 * replays) or neither (a retry executes, for the first time as far as the database knows). Nothing is sent to the
 * client before the commit (the response is buffered), so a client never sees a success that was rolled back.
 *
 * <ul>
 * <li>A response below 500 whose transaction can commit is stored with it (a 400 for bad input too).</li>
 * <li>A 5xx, an exception, or a 4xx from a handler whose transaction was marked rollback-only rolls the whole
 * request back: no effect and no stored response, so a retry runs again.</li>
 * <li>A success whose transaction was marked rollback-only, or whose commit fails, becomes a 500 (the effect is
 * not there, or its fate is unknown until a retry with the same key finds the stored response).</li>
 * </ul>
 *
 * <p>Limits: work that a handler commits on its own ({@code REQUIRES_NEW}, another thread, another data source)
 * and calls to other systems are outside this guarantee; such calls need their own idempotency (forward the key).
 * The request holds a database connection while it runs, except on the paths of
 * {@link IdempotencyProperties#ownTransactionPaths()}: there the key is claimed and committed first, the handler
 * runs without a request transaction (its own transactions commit as they go, and it may call other systems with
 * no connection held), and the response is stored afterwards; the handler itself must be safe to run again.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyKeyStore store;
    private final Problems problems;
    private final IdempotencyProperties properties;
    private final TransactionTemplate transaction;
    private final List<PathPattern> ownTransactionPaths;

    IdempotencyFilter(IdempotencyKeyStore store, Problems problems, IdempotencyProperties properties,
            TransactionTemplate transaction) {
        this.store = store;
        this.problems = problems;
        this.properties = properties;
        this.transaction = transaction;
        this.ownTransactionPaths = properties.ownTransactionPaths().stream()
                .map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    private enum Outcome { EXECUTED, ROLLED_BACK, ROLLED_BACK_SUCCESS, REPLAY, REUSED, IN_PROGRESS }

    /** Carries a checked exception of the filter chain out of the transaction callback. */
    private static final class ChainFailure extends RuntimeException {
        ChainFailure(Exception cause) {
            super(cause);
        }
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
        HttpServletRequest cachedRequest = new CachedBodyRequest(request, body.get());
        if (ownsTransaction(request)) {
            filterOutsideTransaction(request, response, chain, caller, key, hash, cachedRequest);
            return;
        }
        ContentCachingResponseWrapper caching = new ContentCachingResponseWrapper(response);
        AtomicReference<IdempotencyKeyStore.StoredKey> found = new AtomicReference<>();
        boolean[] handlerRan = {false};
        boolean[] answered = {false};
        Outcome outcome;
        try {
            outcome = transaction.execute(status -> {
                Optional<IdempotencyKeyStore.StoredKey> stored = store.find(caller, key);
                if (stored.isEmpty()) {
                    if (!store.lockForTransaction(caller, key)) {
                        return Outcome.IN_PROGRESS;
                    }
                    // The first request may have committed between the read and the lock.
                    stored = store.find(caller, key);
                }
                if (stored.isPresent()) {
                    found.set(stored.get());
                    if (!stored.get().requestHash().equals(hash)) {
                        return Outcome.REUSED;
                    }
                    return stored.get().state() == IdempotencyKeyStore.State.COMPLETED ? Outcome.REPLAY
                            : Outcome.IN_PROGRESS;
                }
                handlerRan[0] = true;
                try {
                    chain.doFilter(cachedRequest, caching);
                }
                catch (IOException | ServletException e) {
                    throw new ChainFailure(e);
                }
                int code = caching.getStatus();
                if (code >= 500 || status.isRollbackOnly()) {
                    status.setRollbackOnly();
                    return code < 400 ? Outcome.ROLLED_BACK_SUCCESS : Outcome.ROLLED_BACK;
                }
                if (!store.storeCompleted(caller, key, hash, code, caching.getContentType(),
                        caching.getHeader(HttpHeaders.LOCATION), caching.getContentAsByteArray())) {
                    status.setRollbackOnly();
                    return Outcome.IN_PROGRESS;
                }
                answered[0] = true;
                return Outcome.EXECUTED;
            });
        }
        catch (ChainFailure e) {
            caching.copyBodyToResponse();
            if (e.getCause() instanceof ServletException servlet) {
                throw servlet;
            }
            throw (IOException) e.getCause();
        }
        catch (TransactionException e) {
            if (!answered[0]) {
                caching.copyBodyToResponse();
                throw e;
            }
            // The commit failed after the handler answered: its answer may describe an effect that is not there.
            log.warn("Transaction of an idempotent request did not commit: {}", e.getClass().getSimpleName(), e);
            writeNotCompleted(request, response);
            return;
        }
        catch (RuntimeException | Error e) {
            caching.copyBodyToResponse();
            throw e;
        }
        switch (outcome) {
            case EXECUTED, ROLLED_BACK -> caching.copyBodyToResponse();
            case ROLLED_BACK_SUCCESS -> writeNotCompleted(request, response);
            default -> answerWithoutRunning(outcome, found.get(), handlerRan[0], request, response);
        }
    }

    private void answerWithoutRunning(Outcome outcome, IdempotencyKeyStore.StoredKey found, boolean handlerRan,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (outcome) {
            case REPLAY -> replay(found, response);
            case REUSED -> problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT,
                    ProblemCodes.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used for a different request.",
                    List.of());
            default -> {
                if (handlerRan) {
                    resetIfPossible(response);
                }
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problems.write(request, response, HttpStatus.CONFLICT, ProblemCodes.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                        "A request with this Idempotency-Key is still being processed.", List.of());
            }
        }
    }

    private boolean ownsTransaction(HttpServletRequest request) {
        if (ownTransactionPaths.isEmpty()) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(
                request.getRequestURI().substring(request.getContextPath().length()));
        return ownTransactionPaths.stream().anyMatch(pattern -> pattern.matches(path));
    }

    /**
     * A handler of {@link IdempotencyProperties#ownTransactionPaths()}: claim the key and commit, run the handler
     * with no transaction open (it commits its own work and may call other systems in between), then store its
     * response. A 5xx or an exception releases the claim, so a retry with the key runs again.
     */
    private void filterOutsideTransaction(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain, String caller, String key, String hash, HttpServletRequest cachedRequest)
            throws ServletException, IOException {
        AtomicReference<IdempotencyKeyStore.StoredKey> found = new AtomicReference<>();
        Outcome claimed = transaction.execute(status -> {
            if (!store.lockForTransaction(caller, key)) {
                return Outcome.IN_PROGRESS;
            }
            Optional<IdempotencyKeyStore.StoredKey> stored = store.find(caller, key);
            if (stored.isPresent()) {
                found.set(stored.get());
                if (!stored.get().requestHash().equals(hash)) {
                    return Outcome.REUSED;
                }
                return stored.get().state() == IdempotencyKeyStore.State.COMPLETED ? Outcome.REPLAY
                        : Outcome.IN_PROGRESS;
            }
            return store.claim(caller, key, hash) ? Outcome.EXECUTED : Outcome.IN_PROGRESS;
        });
        if (claimed != Outcome.EXECUTED) {
            answerWithoutRunning(claimed, found.get(), false, request, response);
            return;
        }
        ContentCachingResponseWrapper caching = new ContentCachingResponseWrapper(response);
        boolean keepClaim = false;
        try {
            chain.doFilter(cachedRequest, caching);
            int code = caching.getStatus();
            if (code < 500) {
                keepClaim = true;
                try {
                    transaction.executeWithoutResult(status -> store.completeClaim(caller, key, hash, code,
                            caching.getContentType(), caching.getHeader(HttpHeaders.LOCATION),
                            caching.getContentAsByteArray()));
                }
                catch (RuntimeException e) {
                    // The handler committed its own work, so its answer is true; a retry meets the claim (409)
                    // until it is purged, and then runs again.
                    log.warn("Response of an idempotent request could not be stored: {}",
                            e.getClass().getSimpleName(), e);
                }
            }
        }
        finally {
            if (!keepClaim) {
                try {
                    transaction.executeWithoutResult(status -> store.releaseClaim(caller, key, hash));
                }
                catch (RuntimeException e) {
                    log.warn("Claim of an idempotent request could not be released: {}",
                            e.getClass().getSimpleName(), e);
                }
            }
            caching.copyBodyToResponse();
        }
    }

    private void writeNotCompleted(HttpServletRequest request, HttpServletResponse response) throws IOException {
        resetIfPossible(response);
        problems.write(request, response, HttpStatus.INTERNAL_SERVER_ERROR, ProblemCodes.INTERNAL_ERROR,
                "The request could not be completed. Retry it with the same Idempotency-Key.", List.of());
    }

    private static void resetIfPossible(HttpServletResponse response) {
        // The handler's body is only buffered; its headers (Location, ...) went to the response and must go too.
        if (!response.isCommitted()) {
            response.reset();
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
