package org.sandian.content.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.bson.conversions.Bson;
import org.sandian.content.store.MongoStore;

/**
 * The append-only audit trail. It has no update or delete: the only way in is {@link #record}. Blocking:
 * call from a worker. The write is acknowledged before the action it records is reported done.
 */
public final class AuditLog {

    public static final String COLLECTION = "audit";

    private final MongoCollection<AuditRecord> records;
    private final Clock clock;

    public AuditLog(MongoStore store, Clock clock) {
        this.records = store.collection(COLLECTION, AuditRecord.class);
        this.clock = clock;
    }

    public AuditRecord record(String actor, String action, String target, String region, String before, String after) {
        Instant at = clock.instant();
        AuditRecord r = new AuditRecord(idAt(at), at, actor, action, target, region, before, after);
        records.insertOne(r);
        return r;
    }

    /** A filter for the audit page: any argument may be null. Newest first, at most {@code limit}. */
    public List<AuditRecord> find(String actor, String actionPrefix, Instant from, Instant to, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (actor != null) filters.add(eq("actor", actor));
        if (actionPrefix != null) filters.add(regex("action", "^" + Pattern.quote(actionPrefix)));
        if (from != null) filters.add(gte("_id", idAt(from).substring(0, 13)));
        if (to != null) filters.add(lt("_id", idAt(to).substring(0, 13)));
        Bson filter = filters.isEmpty() ? new org.bson.Document() : and(filters);
        return records.find(filter).sort(Sorts.descending("_id")).limit(limit).batchSize(Math.min(limit, 1000))
                .into(new ArrayList<>());
    }

    /** Millisecond time in 13 digits, then randomness: unique and sorted by time. */
    private static String idAt(Instant at) {
        return String.format("%013d-%08x", at.toEpochMilli(), ThreadLocalRandom.current().nextInt());
    }
}
