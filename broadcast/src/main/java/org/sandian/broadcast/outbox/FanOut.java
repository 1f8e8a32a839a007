package org.sandian.broadcast.outbox;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sandian.broadcast.audience.SubscriberSource;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.subscriber.Subscriber;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an occurrence's outbox: one pass over the subscribers (index or store), one entry per recipient and
 * per-recipient channel (SMS, VOICE) he consented to, stopped numbers left out, packed into chunk
 * documents of {@link ChunkStore#SIZE} written {@value #CHUNKS_PER_WRITE} per command. Nothing is
 * sent before the occurrence's fan-out is complete; an interrupted fan-out is simply run again
 * (chunks are rewritten under the same ids). Blocking.
 */
public final class FanOut {

    static final int CHUNKS_PER_WRITE = 10;
    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    private final SubscriberSource subscribers;
    private final ChunkStore chunks;
    private final Set<Channel> linked;

    /** @param linked the per-recipient channels this hub can send on (a channel without a link gets no entries) */
    public FanOut(SubscriberSource subscribers, ChunkStore chunks, Set<Channel> linked) {
        this.subscribers = subscribers;
        this.chunks = chunks;
        this.linked = linked;
    }

    /** Entry and chunk counts per channel. */
    public record Result(Map<Channel, Integer> chunks, Map<Channel, Long> entries) {
    }

    private final class Filler {
        final String occurrenceId;
        final Channel channel;
        final List<Chunk> ready;
        final Runnable beforeWrite;
        List<String> phones = new ArrayList<>(ChunkStore.SIZE);
        List<Lang> langs = new ArrayList<>(ChunkStore.SIZE);
        List<String> regions = new ArrayList<>(ChunkStore.SIZE);
        int number;
        long entries;

        Filler(String occurrenceId, Channel channel, List<Chunk> ready, Runnable beforeWrite) {
            this.occurrenceId = occurrenceId;
            this.channel = channel;
            this.ready = ready;
            this.beforeWrite = beforeWrite;
        }

        void add(Subscriber s) {
            phones.add(s.phone());
            langs.add(s.lang());
            regions.add(s.regionCode());
            entries++;
            if (phones.size() == ChunkStore.SIZE) seal();
        }

        void seal() {
            if (phones.isEmpty()) return;
            ready.add(new Chunk(EntryKey.chunkId(occurrenceId, channel, number), occurrenceId, channel, number, phones,
                    langs, regions, new int[phones.size()], 0));
            number++;
            phones = new ArrayList<>(ChunkStore.SIZE);
            langs = new ArrayList<>(ChunkStore.SIZE);
            regions = new ArrayList<>(ChunkStore.SIZE);
            if (ready.size() >= CHUNKS_PER_WRITE) flush(ready, beforeWrite);
        }
    }

    public Result run(Broadcast b, String occurrenceId) {
        return run(b, occurrenceId, () -> { });
    }

    ChunkStore chunks() {
        return chunks;
    }

    /** @param beforeWrite runs before each write command (the fan-out lease renews there, and throws when lost) */
    public Result run(Broadcast b, String occurrenceId, Runnable beforeWrite) {
        List<Chunk> ready = new ArrayList<>(CHUNKS_PER_WRITE);
        Map<Channel, Filler> fillers = new EnumMap<>(Channel.class);
        for (Channel c : b.channels()) {
            if (c != Channel.SMS && c != Channel.VOICE) continue;
            if (linked.contains(c)) fillers.put(c, new Filler(occurrenceId, c, ready, beforeWrite));
            else log.warn("broadcast {}: no {} link on this hub, that channel is left out", b.id(), c);
        }
        if (!fillers.isEmpty()) {
            subscribers.forEach(s -> {
                if (!b.audience().includes(s)) return;
                for (Filler f : fillers.values()) if (s.channels().contains(f.channel)) f.add(s);
            });
        }
        for (Filler f : fillers.values()) f.seal();
        flush(ready, beforeWrite);
        Map<Channel, Integer> chunkCounts = new EnumMap<>(Channel.class);
        Map<Channel, Long> entryCounts = new EnumMap<>(Channel.class);
        for (Filler f : fillers.values()) {
            chunkCounts.put(f.channel, f.number);
            entryCounts.put(f.channel, f.entries);
        }
        return new Result(chunkCounts, entryCounts);
    }

    private void flush(List<Chunk> ready, Runnable beforeWrite) {
        if (ready.isEmpty()) return;
        beforeWrite.run();
        chunks.write(ready);
        ready.clear();
    }
}
