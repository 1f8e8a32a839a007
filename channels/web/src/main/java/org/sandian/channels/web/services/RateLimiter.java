package org.sandian.channels.web.services;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** At most {@code limit} events per key in a sliding window; memory is freed as windows empty. */
public final class RateLimiter {

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Records the event and returns true, or returns false when the key is over its limit. */
    public boolean tryAcquire(String key) {
        long now = clock.millis();
        boolean[] allowed = {false};
        events.compute(key, (k, q) -> {
            Deque<Long> d = q == null ? new ArrayDeque<>() : q;
            while (!d.isEmpty() && d.peekFirst() <= now - windowMillis) d.pollFirst();
            if (d.size() < limit) {
                d.addLast(now);
                allowed[0] = true;
            }
            return d;
        });
        if (events.size() > 100_000) events.values().removeIf(d -> d.isEmpty() || d.peekLast() <= now - windowMillis);
        return allowed[0];
    }
}
