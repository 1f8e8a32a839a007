package org.sandian.broadcast.outbox;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces one channel's sends for every worker of this node: each {@link #acquire()} reserves the
 * next free slot ({@code 1/rate} seconds after the previous) and waits for it, so the rate holds
 * whatever the number of workers. Slots missed while the workers were held up (a GC pause, a busy
 * machine) may be caught up, but only within the last {@value #CATCH_UP_MILLIS} ms: never a burst
 * after an idle spell.
 */
public final class RateLimiter {

    static final long CATCH_UP_MILLIS = 50;

    private final long intervalNanos;
    private long nextFree;

    public RateLimiter(double perSecond) {
        if (perSecond <= 0) throw new IllegalArgumentException("rate must be positive");
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
        this.nextFree = System.nanoTime();
    }

    public void acquire() {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now - CATCH_UP_MILLIS * 1_000_000, nextFree);
            nextFree = slot + intervalNanos;
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
    }
}
