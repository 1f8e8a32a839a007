package org.sandian.channels.sms.mo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * Which stored MOs may still need handling after a stop, without a write per message. The MOs
 * being stored or handled are tracked in memory; about once a second the receive time of the
 * oldest of them (now, when there are none) is stored as this run's checkpoint in
 * {@value #COLLECTION}: every MO of this run received before it is handled. At the next start
 * every MO received at or after the oldest checkpoint is handed over again; the reply's id comes
 * from the MO's, so a reply already queued is not sent a second time.
 */
final class HandledCheckpoint {

    static final String COLLECTION = "sms_mo_progress";

    private final MongoCollection<Document> progress;
    private final String run;
    private final Clock clock;
    /** MO id -> its receive time (epoch ms), from before it is stored until its handler is done. */
    private final ConcurrentHashMap<String, Long> open = new ConcurrentHashMap<>();

    HandledCheckpoint(MongoCollection<Document> progress, String run, Clock clock) {
        this.progress = progress;
        this.run = run;
        this.clock = clock;
    }

    /** Before the MO is stored: until {@link #closed}, the checkpoint stays at or before it. */
    void opened(String moId, Instant receivedAt) {
        open.put(moId, receivedAt.toEpochMilli());
    }

    /** Handled (reply queued, or deliberately none), or never stored. */
    void closed(String moId) {
        open.remove(moId);
    }

    int open() {
        return open.size();
    }

    /**
     * Stores this run's checkpoint (each time, even unchanged: another hub starting may have
     * dropped it). Blocking: call off the event loop.
     */
    synchronized void save() {
        long before = clock.millis();
        for (long at : open.values()) before = Math.min(before, at);
        progress.replaceOne(Filters.eq("_id", run), new Document("_id", run).append("before", new Date(before)),
                new ReplaceOptions().upsert(true));
    }

    /** The oldest checkpoint of any run: MOs received from then on are handed over again; null when none. */
    Instant resumeFrom() {
        Instant from = null;
        for (Document d : progress.find()) {
            Date before = d.getDate("before");
            if (before != null && (from == null || before.toInstant().isBefore(from))) from = before.toInstant();
        }
        return from;
    }

    /** Once this run's own checkpoint covers what the others left: theirs are no longer needed. */
    void forgetOtherRuns() {
        progress.deleteMany(Filters.ne("_id", run));
    }
}
