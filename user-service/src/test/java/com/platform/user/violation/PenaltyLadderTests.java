package com.platform.user.violation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PenaltyLadderTests {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final PenaltyLadder LADDER = PenaltyLadder.DEFAULTS;

    private static PastViolation past(Severity severity, PenaltyKind penalty, int daysAgo) {
        return new PastViolation(severity, false, penalty, NOW.minus(Duration.ofDays(daysAgo)), false);
    }

    private static Penalty decide(Severity severity, PastViolation... history) {
        return LADDER.decide(severity, false, List.of(history), NOW);
    }

    @Test
    void firstMinorViolationIsAWarning() {
        assertThat(decide(Severity.MINOR)).isEqualTo(Penalty.warning());
    }

    @Test
    void theThirdMinorViolationInAYearRestrictsFor30Days() {
        assertThat(decide(Severity.MINOR, past(Severity.MINOR, PenaltyKind.WARNING, 100)).kind())
                .isEqualTo(PenaltyKind.WARNING);
        Penalty third = decide(Severity.MINOR, past(Severity.MINOR, PenaltyKind.WARNING, 100),
                past(Severity.MINOR, PenaltyKind.WARNING, 20));
        assertThat(third).isEqualTo(new Penalty(PenaltyKind.RESTRICTED, Duration.ofDays(30)));
        assertThat(third.until(NOW)).contains(NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void violationsOlderThanTwelveMonthsOrOverturnedDoNotCount() {
        assertThat(decide(Severity.MINOR, past(Severity.MINOR, PenaltyKind.WARNING, 400),
                past(Severity.MINOR, PenaltyKind.WARNING, 380)).kind()).isEqualTo(PenaltyKind.WARNING);
        PastViolation overturned = new PastViolation(Severity.MAJOR, false, PenaltyKind.RESTRICTED,
                NOW.minus(Duration.ofDays(10)), true);
        assertThat(decide(Severity.MAJOR, overturned).kind()).isEqualTo(PenaltyKind.RESTRICTED);
    }

    @Test
    void majorRestrictsAndRepeatedMajorSuspendsFor90Days() {
        assertThat(decide(Severity.MAJOR)).isEqualTo(new Penalty(PenaltyKind.RESTRICTED, Duration.ofDays(30)));
        assertThat(decide(Severity.MAJOR, past(Severity.MAJOR, PenaltyKind.RESTRICTED, 60)))
                .isEqualTo(new Penalty(PenaltyKind.SUSPENDED, Duration.ofDays(90)));
    }

    @Test
    void severeSuspendsAndSevereAfterASuspensionBans() {
        assertThat(decide(Severity.SEVERE).kind()).isEqualTo(PenaltyKind.SUSPENDED);
        assertThat(decide(Severity.SEVERE, past(Severity.MAJOR, PenaltyKind.SUSPENDED, 200)))
                .isEqualTo(Penalty.banned());
    }

    @Test
    void fraudAfterAnySuspensionBans() {
        PastViolation longAgo = past(Severity.SEVERE, PenaltyKind.SUSPENDED, 800);
        assertThat(LADDER.decide(Severity.MINOR, true, List.of(longAgo), NOW)).isEqualTo(Penalty.banned());
        assertThat(LADDER.decide(Severity.MAJOR, true, List.of(), NOW).kind()).isEqualTo(PenaltyKind.RESTRICTED);
    }

    @Provide
    Arbitrary<PastViolation> pastViolations() {
        return Combinators.combine(Arbitraries.of(Severity.class), Arbitraries.of(true, false),
                Arbitraries.of(PenaltyKind.class), Arbitraries.integers().between(0, 900), Arbitraries.of(true, false))
                .as((severity, fraud, penalty, daysAgo, overturned) -> new PastViolation(severity, fraud, penalty,
                        NOW.minus(Duration.ofDays(daysAgo)), overturned));
    }

    @Property(tries = 500)
    void moreHistoryNeverGivesAMilderPenalty(@ForAll Severity severity, @ForAll boolean fraud,
            @ForAll("historyLists") List<PastViolation> history, @ForAll("pastViolations") PastViolation extra) {
        List<PastViolation> longer = new ArrayList<>(history);
        longer.add(extra);
        assertThat(LADDER.decide(severity, fraud, longer, NOW).kind())
                .isGreaterThanOrEqualTo(LADDER.decide(severity, fraud, history, NOW).kind());
    }

    @Property(tries = 500)
    void aGraverViolationNeverGivesAMilderPenalty(@ForAll boolean fraud,
            @ForAll("historyLists") List<PastViolation> history) {
        PenaltyKind minor = LADDER.decide(Severity.MINOR, fraud, history, NOW).kind();
        PenaltyKind major = LADDER.decide(Severity.MAJOR, fraud, history, NOW).kind();
        PenaltyKind severe = LADDER.decide(Severity.SEVERE, fraud, history, NOW).kind();
        assertThat(major).isGreaterThanOrEqualTo(minor);
        assertThat(severe).isGreaterThanOrEqualTo(major);
    }

    @Provide
    Arbitrary<List<PastViolation>> historyLists() {
        return pastViolations().list().ofMaxSize(6);
    }
}
