package org.sandian.broadcast.outbox;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sandian.content.answer.Channel;

/**
 * One firing of a broadcast, {@code id} = "&lt;broadcast&gt;.&lt;n&gt;" (inserting it is how one
 * node, and only one, fires it).
 *
 * @param expiresAt  after this, unsent entries are dropped and counted as expired (null = never)
 * @param chunks     outbox chunks written per channel (known once fan-out is done)
 * @param entries    outbox entries per channel
 * @param chunksDone chunks completely handled
 * @param stopped    numbers that sent TD while this occurrence was under way
 */
public record Occurrence(String id, String broadcastId, int n, Instant fireAt, Instant expiresAt, OccurrenceState state,
                         Map<Channel, Integer> chunks, Map<Channel, Long> entries, int chunksDone,
                         List<String> stopped, Instant sendingAt, Instant finishedAt, double fanoutSeconds) {

    public Occurrence {
        chunks = chunks == null ? Map.of() : Map.copyOf(chunks.isEmpty() ? Map.of() : new EnumMap<>(chunks));
        entries = entries == null ? Map.of() : Map.copyOf(entries.isEmpty() ? Map.of() : new EnumMap<>(entries));
        stopped = stopped == null ? List.of() : List.copyOf(stopped);
    }

    public static String idOf(String broadcastId, int n) {
        return broadcastId + "." + n;
    }

    public int totalChunks() {
        return chunks.values().stream().mapToInt(Integer::intValue).sum();
    }

    public long totalEntries() {
        return entries.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && now.isAfter(expiresAt);
    }
}
