package org.sandian.broadcast.outbox;

import org.sandian.broadcast.core.BroadcastOptions;

/**
 * @param broadcast  lifecycle rules (zone, approval, price)
 * @param sender     sending workers, window, leases, rates
 * @param tickMillis how often due broadcasts are looked for
 */
public record EngineOptions(BroadcastOptions broadcast, SenderOptions sender, long tickMillis) {

    public static EngineOptions defaults() {
        return new EngineOptions(BroadcastOptions.defaults(), SenderOptions.defaults(), 1_000);
    }
}
