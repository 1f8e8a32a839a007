package org.sandian.broadcast.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.sandian.content.answer.Channel;

/**
 * Progress and the delivery report of an occurrence, read chunk by chunk by {@code _id} (about
 * one second per 300,000 entries on the embedded store). Blocking.
 */
public final class OutboxReports {

    private final ChunkStore chunks;
    private final OccurrenceStore occurrences;
    private final Clock clock;

    public OutboxReports(ChunkStore chunks, OccurrenceStore occurrences, Clock clock) {
        this.chunks = chunks;
        this.occurrences = occurrences;
        this.clock = clock;
    }

    public Progress progress(String occurrenceId) {
        Occurrence o = occurrences.find(occurrenceId);
        if (o == null) return null;
        Map<EntryState, Long> byState = new EnumMap<>(EntryState.class);
        Map<String, Map<EntryState, Long>> byRegion = new TreeMap<>();
        forEachChunk(o, c -> {
            for (int i = 0; i < c.size(); i++) {
                EntryState s = EntryState.of(c.states()[i]);
                byState.merge(s, 1L, Long::sum);
                String region = c.regions().get(i);
                String county = region == null || region.length() < 6 ? "unknown" : region.substring(0, 6) + "000000";
                byRegion.computeIfAbsent(county, k -> new EnumMap<>(EntryState.class)).merge(s, 1L, Long::sum);
            }
        });
        long total = o.totalEntries();
        long queued = byState.getOrDefault(EntryState.QUEUED, 0L);
        double rate = 0;
        Duration left = null;
        if (o.sendingAt() != null) {
            Instant end = o.finishedAt() != null ? o.finishedAt() : clock.instant();
            double seconds = Math.max(0.001, Duration.between(o.sendingAt(), end).toMillis() / 1000.0);
            rate = (total - queued) / seconds;
            if (o.state() == OccurrenceState.SENDING && rate > 0) left = Duration.ofMillis((long) (queued / rate * 1000));
        }
        return new Progress(o.id(), o.state(), total, byState, byRegion, rate, left);
    }

    /** The delivery report: one CSV line per entry (masked phones are for logs, not for the officer's own report). */
    public void deliveryCsv(String occurrenceId, Writer out) {
        Occurrence o = occurrences.find(occurrenceId);
        if (o == null) return;
        try {
            out.write("phone,channel,region,lang,state,reason\n");
            forEachChunk(o, c -> {
                Map<String, Object> errors = chunks.errors(c.id());
                try {
                    for (int i = 0; i < c.size(); i++) {
                        Object reason = errors.get(String.valueOf(i));
                        out.write(c.phones().get(i) + "," + c.channel().name() + "," + nz(c.regions().get(i)) + ","
                                + (c.langs().get(i) == null ? "" : c.langs().get(i).code()) + ","
                                + EntryState.of(c.states()[i]).name().toLowerCase(java.util.Locale.ROOT) + ","
                                + (reason == null ? "" : reason.toString().replace(',', ';')) + "\n");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void forEachChunk(Occurrence o, Consumer<Chunk> visitor) {
        for (Map.Entry<Channel, Integer> e : o.chunks().entrySet()) {
            for (int k = 0; k < e.getValue(); k++) {
                Chunk c = chunks.load(EntryKey.chunkId(o.id(), e.getKey(), k));
                if (c != null) visitor.accept(c);
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
