package org.sandian.channels.sms.mt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Which hub sends the MTs queued in {@code sms_mt}. Every MT is stored with the id of the hub run
 * that queued it; each run beats in {@value #COLLECTION} every few seconds. A run whose beat is
 * older than {@code deadAfter} has died (or stopped): the first hub to delete that beat, a delete
 * conditional on the beat it read, so only one hub wins, adopts the run's queued MTs. So in a
 * cluster no queue is sent by two hubs while its owner lives, and none is left behind when it dies.
 */
public final class OutboxOwners {

    public static final String COLLECTION = "sms_outbox_owners";

    private final MongoCollection<Document> owners;
    private final String run;
    private final Clock clock;
    private final Duration deadAfter;

    public OutboxOwners(MongoCollection<Document> owners, String run, Clock clock, Duration deadAfter) {
        this.owners = owners;
        this.run = run;
        this.clock = clock;
        this.deadAfter = deadAfter;
    }

    /** This run is alive. Blocking. */
    public void beat() {
        owners.replaceOne(Filters.eq("_id", run), new Document("_id", run).append("beat", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
    }

    /** Runs that stopped beating, each now this run's alone to adopt. Blocking. */
    public List<String> claimDead() {
        Date limit = Date.from(clock.instant().minus(deadAfter));
        List<String> claimed = new ArrayList<>();
        for (Document d : owners.find()) {
            String id = d.getString("_id");
            Date beat = d.getDate("beat");
            if (run.equals(id) || beat == null || !beat.before(limit)) continue;
            if (owners.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("beat", beat))).getDeletedCount() == 1) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    /** A hub alone (no cluster): every other run is one of its own past runs. Blocking. */
    public void claimAllOthers() {
        owners.deleteMany(Filters.ne("_id", run));
    }
}
