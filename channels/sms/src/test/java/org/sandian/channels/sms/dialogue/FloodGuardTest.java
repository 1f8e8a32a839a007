package org.sandian.channels.sms.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sandian.content.testing.MutableClock;

class FloodGuardTest {

    private static final String FARMER = "+8613800000001";
    private static final String NEIGHBOUR = "+8613800000002";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:00:00Z"));
    private final FloodGuard guard = new FloodGuard(10, Duration.ofMinutes(1), Duration.ofMinutes(10), clock);

    @Test
    void tenRepliesAMinuteThenOneNoticeThenSilenceUntilTheQuietTimeIsOver() {
        for (int i = 0; i < 10; i++) assertEquals(FloodGuard.Verdict.REPLY, guard.admit(FARMER));
        assertEquals(FloodGuard.Verdict.NOTICE, guard.admit(FARMER));
        assertEquals(FloodGuard.Verdict.SILENT, guard.admit(FARMER));
        clock.advance(Duration.ofMinutes(9));
        assertEquals(FloodGuard.Verdict.SILENT, guard.admit(FARMER));
        clock.advance(Duration.ofMinutes(2));
        assertEquals(FloodGuard.Verdict.REPLY, guard.admit(FARMER));
    }

    @Test
    void numbersWhoseTimeIsOverAreForgottenEvenWhenFewMessagesFollow() {
        guard.admit(FARMER);
        clock.advance(Duration.ofMinutes(2));
        guard.admit(NEIGHBOUR);
        assertEquals(1, guard.size(), "the first farmer's window is over: swept out");
    }

    @Test
    void numbersInTheirWindowAreKept() {
        guard.admit(FARMER);
        clock.advance(Duration.ofSeconds(30));
        guard.admit(NEIGHBOUR);
        assertEquals(2, guard.size());
    }
}
