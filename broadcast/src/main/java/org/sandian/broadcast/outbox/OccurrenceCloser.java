package org.sandian.broadcast.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.core.BroadcastState;
import org.sandian.broadcast.core.BroadcastStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends an occurrence and moves its broadcast on: DONE (or EXPIRED when it ran past its expiry)
 * for a one-off, back to SCHEDULED for a recurring one with a next firing. Blocking.
 */
public final class OccurrenceCloser {

    private static final Logger log = LoggerFactory.getLogger(OccurrenceCloser.class);

    private final OccurrenceStore occurrences;
    private final BroadcastStore broadcasts;
    private final Clock clock;
    private final Consumer<String> changed;

    public OccurrenceCloser(OccurrenceStore occurrences, BroadcastStore broadcasts, Clock clock, Consumer<String> changed) {
        this.occurrences = occurrences;
        this.broadcasts = broadcasts;
        this.clock = clock;
        this.changed = changed;
    }

    /** Every chunk of {@code o} is handled. */
    public void complete(Occurrence o) {
        Instant now = clock.instant();
        boolean expired = o.isExpired(now);
        occurrences.close(o.id(), expired ? OccurrenceState.EXPIRED : OccurrenceState.DONE, now);
        for (int attempt = 0; attempt < 5; attempt++) {
            Broadcast b = broadcasts.find(o.broadcastId());
            if (b == null || b.state().isFinal()) break;
            BroadcastState next;
            if (b.schedule().isRecurring() && b.nextFireAt() != null) {
                next = b.state() == BroadcastState.PAUSED ? BroadcastState.PAUSED : BroadcastState.SCHEDULED;
            } else {
                next = expired ? BroadcastState.EXPIRED : BroadcastState.DONE;
            }
            if (broadcasts.update(b.nextFire(b.nextFireAt(), next, now))) break;
        }
        log.info("broadcast occurrence {} {}", o.id(), expired ? "expired" : "done");
        changed.accept(o.broadcastId());
    }

    /** The broadcast was cancelled: its occurrence stops where it is. */
    public void cancel(Occurrence o) {
        occurrences.close(o.id(), OccurrenceState.CANCELLED, clock.instant());
        log.info("broadcast occurrence {} cancelled", o.id());
    }
}
