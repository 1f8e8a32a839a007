package org.sandian.broadcast.outbox;

import org.sandian.broadcast.core.BroadcastOptions;

/**
 * @param broadcast  lifecycle rules (zone, approval, price)
 * @param sender     sending workers, window, leases, rates
 * @param tickMillis how often due broadcasts are looked for
 * @param indexSubscribers keep what audiences look at in memory (about 200 bytes a subscriber) so
 *                         fan-out and counts do not scan the store
 */
public record EngineOptions(BroadcastOptions broadcast, SenderOptions sender, long tickMillis, boolean indexSubscribers) {

    public EngineOptions(BroadcastOptions broadcast, SenderOptions sender, long tickMillis) {
        this(broadcast, sender, tickMillis, true);
    }

    public static EngineOptions defaults() {
        return new EngineOptions(BroadcastOptions.defaults(), SenderOptions.defaults(), 1_000);
    }
}
