package org.sandian.channels.voice.agi;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Counts calls in progress and turns away those over the limit; the counters feed health. */
public final class CallGate {

    private final int max;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    public CallGate(int max) {
        this.max = max;
    }

    /** True if the call may go on; then {@link #leave()} must follow. */
    public boolean tryEnter() {
        total.incrementAndGet();
        while (true) {
            int now = active.get();
            if (now >= max) {
                refused.incrementAndGet();
                return false;
            }
            if (active.compareAndSet(now, now + 1)) return true;
        }
    }

    public void leave() {
        active.decrementAndGet();
    }

    public int active() {
        return active.get();
    }

    public int max() {
        return max;
    }

    public long total() {
        return total.get();
    }

    public long refused() {
        return refused.get();
    }
}
