package org.sandian.broadcast.outbox;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces one channel's sends for every worker of this node: each {@link #acquire()} reserves the
 * next free slot ({@code 1/rate} seconds after the previous) and waits for it, so the rate holds
 * exactly whatever the number of workers, with no burst after an idle spell beyond one slot.
 */
public final class RateLimiter {

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
            slot = Math.max(now, nextFree);
            nextFree = slot + intervalNanos;
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
    }
}
