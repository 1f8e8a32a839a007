package org.sandian.broadcast.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.sandian.content.answer.Channel;

/**
 * The broadcast engine's meters on the hub's /metrics (Micrometer's global registry):
 * {@code sandian_broadcast_entries_total{channel,state}} counts the outbox entries this node's
 * senders move: submitted (handed to the channel), skipped (stopped number), expired; so
 * {@code sum(rate(...{state="submitted"}[1m]))} is the broadcast send rate of all hubs. Delivered and
 * failed are not counted here: every node of a cluster hears each status, so they would be counted
 * once per node; the channel counts them ({@code sandian_mt_total}) and the progress API per
 * broadcast. And
 * {@code sandian_outbox_depth{outbox="broadcast"}} estimates the entries of the sending occurrences
 * not yet handed over (from chunks done and the marks of chunks in hand here: exact to a chunk of
 * {@link ChunkStore#SIZE} entries per chunk held by another node).
 */
final class BroadcastMeters {

    /** Senders running in this JVM (one per hub; tests start several). */
    private static final Set<LongSupplier> SENDERS = ConcurrentHashMap.newKeySet();
    private static final Map<String, Counter> COUNTERS = new ConcurrentHashMap<>();

    static {
        Metrics.gauge("sandian.outbox.depth", Tags.of("outbox", "broadcast"), SENDERS,
                all -> all.stream().mapToLong(LongSupplier::getAsLong).sum());
    }

    private BroadcastMeters() {
    }

    static void entry(Channel channel, EntryState state) {
        String key = channel.name() + ":" + state.name();
        COUNTERS.computeIfAbsent(key, k -> Metrics.counter("sandian.broadcast.entries",
                "channel", channel.name().toLowerCase(), "state", state.name().toLowerCase())).increment();
    }

    static void track(LongSupplier queuedEntries) {
        SENDERS.add(queuedEntries);
    }

    static void untrack(LongSupplier queuedEntries) {
        SENDERS.remove(queuedEntries);
    }
}
