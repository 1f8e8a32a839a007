package org.sandian.channels.sms.dialogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-number reply limit, so two auto-responders cannot answer each other forever: up to
 * {@code limit} replies per {@code window}; the next message gets one notice, then the number gets
 * silence for {@code quiet}. State is in memory: a restart forgives everybody, which is harmless.
 * Numbers whose time is over are swept out at most every 10 seconds: a sweep every so many calls
 * visited every number of the last minute, often, at high rates.
 */
public final class FloodGuard {

    public enum Verdict { REPLY, NOTICE, SILENT }

    private static final Duration SWEEP_EVERY = Duration.ofSeconds(10);

    private final int limit;
    private final Duration window;
    private final Duration quiet;
    private final Clock clock;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final Sweeps sweeps;

    /** A limit of 0 or less turns the guard off (benchmarks from few numbers). */
    public FloodGuard(int limit, Duration window, Duration quiet, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.quiet = quiet;
        this.clock = clock;
        this.sweeps = new Sweeps(SWEEP_EVERY, clock.instant());
    }

    /** What to do with one more message from {@code number}. */
    public Verdict admit(String number) {
        if (limit <= 0) return Verdict.REPLY;
        Instant now = clock.instant();
        if (sweeps.due(now)) sweep(now);
        Verdict[] verdict = new Verdict[1];
        counters.compute(number, (k, c) -> {
            Counter next = c == null || c.expired(now) ? new Counter(now) : c;
            verdict[0] = next.count(now);
            return next;
        });
        return verdict[0];
    }

    /** Numbers followed, over their time or not yet swept out. */
    int size() {
        return counters.size();
    }

    /** Forget numbers whose window and quiet time are over, so memory follows active numbers only. */
    private void sweep(Instant now) {
        counters.entrySet().removeIf(e -> e.getValue().expired(now));
    }

    private final class Counter {
        private final Instant windowStart;
        private int replies;
        private Instant quietUntil;

        Counter(Instant windowStart) {
            this.windowStart = windowStart;
        }

        boolean expired(Instant now) {
            if (quietUntil != null) return !now.isBefore(quietUntil);
            return !now.isBefore(windowStart.plus(window));
        }

        Verdict count(Instant now) {
            if (quietUntil != null) return Verdict.SILENT;
            if (++replies <= limit) return Verdict.REPLY;
            quietUntil = now.plus(quiet);
            return Verdict.NOTICE;
        }
    }
}
