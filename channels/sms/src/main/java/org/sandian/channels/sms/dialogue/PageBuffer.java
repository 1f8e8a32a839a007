package org.sandian.channels.sms.dialogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages of each number's last long answer not yet sent, for MORE. In memory with an expiry: a
 * restart or a quiet spell loses them, and MORE then says there is nothing more (the farmer asks
 * again); that is cheaper than a store write per long reply. Expired pages are swept out at most
 * once a minute: a sweep every so many calls visited every number kept, often, at high rates, and
 * hardly ever at low ones.
 */
public final class PageBuffer {

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
    private final Sweeps sweeps;

    public PageBuffer(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.sweeps = new Sweeps(SWEEP_EVERY, clock.instant());
    }

    /** Keeps {@code pages} for {@code number}, replacing what was there; an empty list clears it. */
    public void keep(String number, List<String> pages) {
        Instant now = clock.instant();
        if (sweeps.due(now)) pending.values().removeIf(p -> p.expired(now));
        if (pages.isEmpty()) pending.remove(number);
        else pending.put(number, new Pending(new ArrayDeque<>(pages), now.plus(ttl)));
    }

    /** Numbers with pages kept, expired or not yet swept out. */
    int size() {
        return pending.size();
    }

    /** The next page for {@code number}, or null when none is left (or it expired). */
    public String next(String number) {
        Instant now = clock.instant();
        String[] out = new String[1];
        pending.computeIfPresent(number, (k, p) -> {
            if (p.expired(now)) return null;
            out[0] = p.pages.poll();
            return p.pages.isEmpty() ? null : p;
        });
        return out[0];
    }

    private record Pending(Deque<String> pages, Instant expires) {
        boolean expired(Instant now) {
            return !now.isBefore(expires);
        }
    }
}
