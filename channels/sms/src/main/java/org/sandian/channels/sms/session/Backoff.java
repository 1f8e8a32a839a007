package org.sandian.channels.sms.session;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with full jitter between {@code min} and the current ceiling. */
public final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    private int failures;

    public Backoff(Duration min, Duration max) {
        this.minMillis = Math.max(1, min.toMillis());
        this.maxMillis = Math.max(minMillis, max.toMillis());
    }

    /** The next wait: min * 2^failures capped at max, jittered to [ceiling/2, ceiling]. */
    public long nextMillis() {
        long ceiling = Math.min(maxMillis, minMillis << Math.min(failures, 20));
        failures++;
        long half = ceiling / 2;
        return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
    }

    public void reset() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}
