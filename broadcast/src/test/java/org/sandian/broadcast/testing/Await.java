package org.sandian.broadcast.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition instead of sleeping a fixed time. */
public final class Await {

    private Await() {
    }

    public static void until(BooleanSupplier condition) {
        until(condition, Duration.ofSeconds(20));
    }

    public static void until(BooleanSupplier condition, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("condition not met within " + limit.toSeconds() + " s");
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
