package org.sandian.broadcast.outbox;

import org.sandian.content.answer.Channel;

/**
 * The unique key of an outbox entry, which is also the message id given to the channel:
 * {@code <occurrence>:<channel letter>:<chunk>:<index>:<phone>}, e.g.
 * {@code 1a2b3c4d5e6f.1:S:12:345:+8613800138000}. It names the broadcast, the occurrence, the
 * channel and the recipient (unique per occurrence and channel: fan-out visits each subscriber
 * once), and where the entry is stored, so a status finds its entry with one keyed update. A
 * chunk sent again after a crash carries the same keys: the SMS channel sends each id once.
 */
public record EntryKey(String occurrenceId, Channel channel, int chunk, int index, String phone) {

    public static String chunkId(String occurrenceId, Channel channel, int chunk) {
        return occurrenceId + ":" + letter(channel) + ":" + chunk;
    }

    public String chunkId() {
        return chunkId(occurrenceId, channel, chunk);
    }

    @Override
    public String toString() {
        return chunkId() + ":" + index + ":" + phone;
    }

    /** The key in {@code id}, or null when the id is not a broadcast entry's (a reply, an OTP). */
    public static EntryKey parse(String id) {
        if (id == null) return null;
        String[] p = id.split(":");
        if (p.length != 5 || p[1].length() != 1) return null;
        try {
            return new EntryKey(p[0], channel(p[1].charAt(0)), Integer.parseInt(p[2]), Integer.parseInt(p[3]), p[4]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The broadcast an occurrence id belongs to ("&lt;broadcast&gt;.&lt;n&gt;"). */
    public static String broadcastOf(String occurrenceId) {
        int dot = occurrenceId.lastIndexOf('.');
        return dot < 0 ? occurrenceId : occurrenceId.substring(0, dot);
    }

    static char letter(Channel c) {
        switch (c) {
            case SMS:
                return 'S';
            case VOICE:
                return 'V';
            default:
                throw new IllegalArgumentException("no outbox entries for channel " + c);
        }
    }

    static Channel channel(char letter) {
        if (letter == 'S') return Channel.SMS;
        if (letter == 'V') return Channel.VOICE;
        throw new IllegalArgumentException("channel letter " + letter);
    }
}
