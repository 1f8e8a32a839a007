package org.sandian.broadcast.outbox;

/** One firing of a broadcast: its outbox is written (FANNING_OUT), then sent, then closed. */
public enum OccurrenceState {
    FANNING_OUT, SENDING, DONE, CANCELLED, EXPIRED;

    public boolean isActive() {
        return this == FANNING_OUT || this == SENDING;
    }
}
