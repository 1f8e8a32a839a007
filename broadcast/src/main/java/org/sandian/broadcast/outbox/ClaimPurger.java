package org.sandian.broadcast.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the lease documents ({@code outbox_claims}: one per chunk and one for the fan-out) of
 * occurrences that are over, once they have been over for {@link #GRACE}. Safe because nothing
 * claims a chunk of a finished occurrence: senders take chunks only of occurrences they read as
 * sending, and re-read them on every change and at least every {@link OutboxSender#REFRESH_MILLIS};
 * the grace covers a node that missed the change. Even then a chunk re-claimed after its claim is
 * gone resumes from its stored progress mark (its end) and entry states, so nothing is sent again.
 * The chunks themselves stay: they are the delivery report. Blocking; idempotent, so every node of
 * a cluster may run it.
 */
final class ClaimPurger {

    private static final Logger log = LoggerFactory.getLogger(ClaimPurger.class);
    static final Duration GRACE = Duration.ofMinutes(10);

    private final OccurrenceStore occurrences;
    private final ChunkStore chunks;
    /** Purged by this node since start, so each is looked at once. */
    private final Set<String> purged = ConcurrentHashMap.newKeySet();

    ClaimPurger(OccurrenceStore occurrences, ChunkStore chunks) {
        this.occurrences = occurrences;
        this.chunks = chunks;
    }

    /** Purges the claims of occurrences finished before {@code finishedBefore}; returns the documents deleted. */
    long purge(Instant finishedBefore) {
        long deleted = 0;
        for (Occurrence o : occurrences.finished()) {
            if (o.finishedAt() == null || !o.finishedAt().isBefore(finishedBefore) || purged.contains(o.id())) continue;
            long n = chunks.deleteClaims(o.id(), o.chunks());
            purged.add(o.id());
            if (n > 0) log.info("broadcast occurrence {}: {} lease document(s) purged", o.id(), n);
            deleted += n;
        }
        return deleted;
    }
}
