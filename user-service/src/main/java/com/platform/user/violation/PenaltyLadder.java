package com.platform.user.violation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * U8 penalty policy: penalties escalate by severity and by the person's history (warning, restricted, suspended,
 * banned). With the defaults, over the last 12 months ({@code window}) and not counting overturned violations:
 * <ul>
 * <li>fraud by someone who was ever suspended or banned: banned;</li>
 * <li>severe: suspended 90 days, or banned if suspended within the window;</li>
 * <li>major: restricted 30 days, or suspended 90 days after an earlier major or severe violation;</li>
 * <li>minor: a warning, or restricted 30 days from the third minor violation ({@code minorsBeforeRestriction}
 * earlier ones) or after an earlier major or severe violation.</li>
 * </ul>
 * More history or a graver violation never gives a milder penalty (a property test holds the ladder to that).
 */
@ConfigurationProperties("user.penalties")
public record PenaltyLadder(
        @DefaultValue("365d") Duration window,
        @DefaultValue("2") int minorsBeforeRestriction,
        @DefaultValue("30d") Duration restriction,
        @DefaultValue("90d") Duration suspension) {

    public static final PenaltyLadder DEFAULTS = new PenaltyLadder(Duration.ofDays(365), 2, Duration.ofDays(30),
            Duration.ofDays(90));

    public Penalty decide(Severity severity, boolean fraud, List<PastViolation> history, Instant now) {
        List<PastViolation> counted = history.stream().filter(v -> !v.overturned()).toList();
        List<PastViolation> recent = counted.stream().filter(v -> v.recordedAt().isAfter(now.minus(window))).toList();
        boolean everSuspended = counted.stream().anyMatch(v -> v.penalty().atLeast(PenaltyKind.SUSPENDED));
        boolean recentlySuspended = recent.stream().anyMatch(v -> v.penalty().atLeast(PenaltyKind.SUSPENDED));
        boolean recentGrave = recent.stream().anyMatch(v -> v.severity() != Severity.MINOR);
        long recentMinors = recent.stream().filter(v -> v.severity() == Severity.MINOR).count();

        if (fraud && everSuspended) {
            return Penalty.banned();
        }
        return switch (severity) {
            case SEVERE -> recentlySuspended ? Penalty.banned() : suspended();
            case MAJOR -> recentGrave ? suspended() : restricted();
            case MINOR -> recentGrave || recentMinors >= minorsBeforeRestriction ? restricted() : Penalty.warning();
        };
    }

    private Penalty restricted() {
        return new Penalty(PenaltyKind.RESTRICTED, restriction);
    }

    private Penalty suspended() {
        return new Penalty(PenaltyKind.SUSPENDED, suspension);
    }
}
