package org.sandian.broadcast.outbox;

import java.util.List;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;

/**
 * Up to {@link ChunkStore#SIZE} outbox entries of one occurrence and channel, stored together
 * in one document keyed by {@link EntryKey#chunkId}: on the embedded store a document costs the
 * same to write whether it holds one entry or a thousand, so 1,000,000 entries are 1,000 writes.
 *
 * @param states entry states ({@link EntryState#code}), same order as phones
 * @param next   every entry before this index has been handed to its channel (or skipped)
 */
public record Chunk(String id, String occurrenceId, Channel channel, int number, List<String> phones,
                    List<Lang> langs, List<String> regions, int[] states, int next) {

    public int size() {
        return phones.size();
    }

    public EntryKey key(int index) {
        return new EntryKey(occurrenceId, channel, number, index, phones.get(index));
    }
}
