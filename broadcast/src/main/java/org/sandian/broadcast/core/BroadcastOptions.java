package org.sandian.broadcast.core;

import java.time.ZoneId;

/**
 * @param zone            the hub's time zone: schedules and quiet hours are read in it
 * @param requireApproval a second person with the reviewer role must approve before sending
 * @param pricePerPart    estimated cost of one SMS part (yuan), for the officer's estimate
 * @param maxSmsParts     the SMS channel's limit of parts per message (config {@code smpp.max-parts}):
 *                        a longer text would be cut by the channel, so it is refused when written
 */
public record BroadcastOptions(ZoneId zone, boolean requireApproval, double pricePerPart, int maxSmsParts) {

    public static final int DEFAULT_MAX_SMS_PARTS = 4;

    public BroadcastOptions {
        if (maxSmsParts < 1) throw new IllegalArgumentException("maxSmsParts must be at least 1: " + maxSmsParts);
    }

    public BroadcastOptions(ZoneId zone, boolean requireApproval, double pricePerPart) {
        this(zone, requireApproval, pricePerPart, DEFAULT_MAX_SMS_PARTS);
    }

    public static BroadcastOptions defaults() {
        return new BroadcastOptions(ZoneId.of("Asia/Shanghai"), true, 0.05);
    }
}
