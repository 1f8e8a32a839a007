package org.sandian.broadcast.core;

import java.time.ZoneId;

/**
 * @param zone            the hub's time zone: schedules and quiet hours are read in it
 * @param requireApproval a second person with the reviewer role must approve before sending
 * @param pricePerPart    estimated cost of one SMS part (yuan), for the officer's estimate
 */
public record BroadcastOptions(ZoneId zone, boolean requireApproval, double pricePerPart) {

    public static BroadcastOptions defaults() {
        return new BroadcastOptions(ZoneId.of("Asia/Shanghai"), true, 0.05);
    }
}
