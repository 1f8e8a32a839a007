package org.sandian.broadcast.outbox;

/**
 * The state of one outbox entry, stored as its {@link #code}. Codes only grow along a message's
 * life (queued, submitted, then failed or delivered), so writes use {@code $max} and a late or
 * repeated update can never move an entry back.
 */
public enum EntryState {
    QUEUED(0), SUBMITTED(1), SKIPPED(2), EXPIRED(3), FAILED(4), DELIVERED(5);

    public final int code;

    EntryState(int code) {
        this.code = code;
    }

    public static EntryState of(int code) {
        for (EntryState s : values()) if (s.code == code) return s;
        throw new IllegalArgumentException("entry state code " + code);
    }

    /** Still to be sent. */
    public boolean isPending() {
        return this == QUEUED;
    }
}
