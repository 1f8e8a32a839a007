package org.sandian.channels.sms.mt;

/**
 * Submits per second for one bind (jSMPP has no rate limit): permits are spaced 1/tps apart with
 * a small burst; {@link #pause} pushes every permit back after the SMSC said "throttled".
 */
public final class TokenBucket {

    private final long intervalNanos;
    private final long burstNanos;
    private long next = System.nanoTime();

    public TokenBucket(int tps, int burst) {
        this.intervalNanos = 1_000_000_000L / Math.max(1, tps);
        this.burstNanos = intervalNanos * Math.max(0, burst - 1);
    }

    /** Blocks until a permit is free. */
    public void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            if (next < now - burstNanos) next = now - burstNanos;
            wait = next - now;
            next += intervalNanos;
        }
        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }

    /** No permit before {@code millis} from now. */
    public synchronized void pause(long millis) {
        next = Math.max(next, System.nanoTime() + millis * 1_000_000L);
    }
}
