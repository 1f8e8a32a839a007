package org.sandian.channels.sms.dialogue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When in-memory state per number is next swept for expired entries: at most once per
 * {@code every}, by one caller. Sweeping by time keeps a sweep's cost per message flat whatever
 * the rate (each entry is visited about once per {@code every}), and still sweeps at low rates.
 */
final class Sweeps {

    private final long everyMillis;
    private final AtomicLong dueMillis;

    Sweeps(Duration every, Instant start) {
        this.everyMillis = every.toMillis();
        this.dueMillis = new AtomicLong(start.toEpochMilli() + everyMillis);
    }

    /** True for the one caller that should sweep now. */
    boolean due(Instant now) {
        long due = dueMillis.get();
        long nowMillis = now.toEpochMilli();
        return nowMillis >= due && dueMillis.compareAndSet(due, nowMillis + everyMillis);
    }
}
