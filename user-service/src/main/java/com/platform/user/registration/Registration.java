package com.platform.user.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A registration waiting for its one-time code (U1). It holds the current code and when codes were sent, so the
 * resend policy can be applied; a verified registration is done and accepts no more codes. Unverified
 * registrations older than the configured time to live are marked expired (from then on no code verifies them)
 * and then removed together with their account and login.
 */
public final class Registration {

    /** EXPIRED: past its time to live and being removed; it takes no code and sends none any more. */
    public enum Status { PENDING, VERIFIED, EXPIRED }

    private final UUID id;
    private final UUID userId;
    private final Channel channel;
    private Status status;
    private OneTimeCode code;
    private final List<Instant> codesSentAt;
    private final Instant createdAt;
    private Instant verifiedAt;

    private Registration(UUID id, UUID userId, Channel channel, Status status, OneTimeCode code,
            List<Instant> codesSentAt, Instant createdAt, Instant verifiedAt) {
        this.id = id;
        this.userId = userId;
        this.channel = channel;
        this.status = status;
        this.code = code;
        this.codesSentAt = new ArrayList<>(codesSentAt);
        this.createdAt = createdAt;
        this.verifiedAt = verifiedAt;
    }

    /** A new registration and the plain code to send (never stored). */
    public static Started start(UUID userId, Channel channel, Instant now) {
        OneTimeCode.Issued issued = OneTimeCode.issue(now);
        Registration registration = new Registration(UUID.randomUUID(), userId, channel, Status.PENDING,
                issued.code(), List.of(now), now, null);
        return new Started(registration, issued.plainCode());
    }

    public record Started(Registration registration, String plainCode) {
    }

    public static Registration restore(UUID id, UUID userId, Channel channel, Status status, OneTimeCode code,
            List<Instant> codesSentAt, Instant createdAt, Instant verifiedAt) {
        return new Registration(id, userId, channel, status, code, codesSentAt, createdAt, verifiedAt);
    }

    /** Checks a code; a verified registration answers ALREADY_USED whatever is typed. */
    public OneTimeCode.Outcome verify(String candidate, Instant now) {
        if (status == Status.VERIFIED) {
            return OneTimeCode.Outcome.ALREADY_USED;
        }
        if (status == Status.EXPIRED) {
            return OneTimeCode.Outcome.EXPIRED;
        }
        OneTimeCode.Outcome outcome = code.verify(candidate, now);
        if (outcome == OneTimeCode.Outcome.VERIFIED) {
            status = Status.VERIFIED;
            verifiedAt = now;
        }
        return outcome;
    }

    /**
     * A fresh code replacing the current one (attempts start again), if the policy allows one now.
     *
     * @return the plain code to send, or how long to wait
     */
    public Resend resend(ResendPolicy policy, Instant now) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("registration already " + status);
        }
        Optional<Duration> wait = policy.waitBeforeNext(codesSentAt, now);
        if (wait.isPresent()) {
            return new Resend(null, wait.get());
        }
        OneTimeCode.Issued issued = OneTimeCode.issue(now);
        code = issued.code();
        codesSentAt.add(now);
        // only the last hour matters to the policy
        codesSentAt.removeIf(sent -> sent.isBefore(now.minus(Duration.ofHours(1))));
        return new Resend(issued.plainCode(), null);
    }

    /**
     * Starts the removal of a registration never verified and created before {@code cutoff}; once expired, a code
     * typed while the login is being removed cannot activate the account.
     *
     * @return whether the registration is (now or already) expired and may be removed
     */
    public boolean expireIfUnverifiedSince(Instant cutoff) {
        if (status == Status.PENDING && createdAt.isBefore(cutoff)) {
            status = Status.EXPIRED;
        }
        return status == Status.EXPIRED;
    }

    public record Resend(String plainCode, Duration retryAfter) {

        public boolean sent() {
            return plainCode != null;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public Channel channel() {
        return channel;
    }

    public Status status() {
        return status;
    }

    public OneTimeCode code() {
        return code;
    }

    public List<Instant> codesSentAt() {
        return List.copyOf(codesSentAt);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> verifiedAt() {
        return Optional.ofNullable(verifiedAt);
    }
}
