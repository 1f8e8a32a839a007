package org.sandian.content.answer;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.types.ObjectId;
import org.sandian.content.bus.PhoneMask;
import org.sandian.content.model.Lang;
import org.sandian.content.store.BatchWriter;
import org.sandian.content.store.IndexSpec;
import org.sandian.content.store.MongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query log in collection {@value #COLLECTION}: one document per answered query, written in
 * batches by a {@link BatchWriter} so {@link #record} never blocks the event loop that calls it.
 * Officers read {@link #unanswered} to see what farmers asked that we could not answer.
 * When the store is down and {@value #MAX_PENDING} entries wait, new entries are dropped (and
 * counted): the log must never take the hub's memory.
 */
public final class MongoQueryLog implements QueryLog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoQueryLog.class);

    public static final String COLLECTION = "queries";
    static final int MAX_PENDING = 100_000;

    /** For the officers' console on a real MongoDB; the embedded store scans (it ignores them). */
    public static final List<IndexSpec> INDEXES = List.of(
            IndexSpec.lookup(COLLECTION, "queries_answered_at", "answered", "at"),
            IndexSpec.lookup(COLLECTION, "queries_intent_at", "intent", "at"));

    /**
     * One logged query. {@code kind} is the answer's kind as on the bus ("prices", "not-found"...);
     * {@code answered} is false when the farmer got nothing useful (not found, failed, no rows).
     * {@code sender} is masked; {@code at} is UTC.
     */
    public record Entry(@BsonId String id, Channel channel, Intent intent, String terms, Lang lang, String kind,
                        boolean answered, String sender, Instant at, String region) {
    }

    private static final Map<Class<?>, String> KINDS = kinds();

    private final BatchWriter<Entry> writer;
    private final MongoCollection<Entry> collection;
    private final Clock clock;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public MongoQueryLog(MongoStore store, Clock clock) {
        this.collection = store.collection(COLLECTION, Entry.class);
        this.writer = new BatchWriter<>(collection, COLLECTION, 500, Duration.ofMillis(50));
        this.clock = clock;
    }

    @Override
    public void record(Query query, Answer answer) {
        if (writer.pending() >= MAX_PENDING) {
            if (dropped.incrementAndGet() % 10_000 == 1) log.warn("query log full: {} entries dropped", dropped.get());
            return;
        }
        writer.write(entry(query, answer)).whenComplete((ok, e) -> {
            if (e != null && failed.incrementAndGet() % 1_000 == 1) {
                log.warn("query log: {} entries not stored, last: {}", failed.get(), e.toString());
            }
        });
    }

    Entry entry(Query q, Answer a) {
        return new Entry(new ObjectId().toHexString(), q.channel(), q.intent(), q.terms(), a.lang(), kindOf(a),
                isAnswered(a), PhoneMask.mask(q.sender()), clock.instant(), q.region());
    }

    /** False when the farmer got nothing useful: officers should look at these. */
    public static boolean isAnswered(Answer a) {
        if (a instanceof Answer.NotFound || a instanceof Answer.Failed) return false;
        if (a instanceof Answer.Prices p) return !p.rows().isEmpty();
        if (a instanceof Answer.Tips t) return !t.items().isEmpty();
        return true;
    }

    /** The answer's kind as named on the bus ("prices", "not-found"...). */
    public static String kindOf(Answer a) {
        return KINDS.getOrDefault(a.getClass(), a.getClass().getSimpleName());
    }

    /** Unanswered queries since {@code since}, newest first, at most {@code limit}. Blocking. */
    public List<Entry> unanswered(Instant since, int limit) {
        return collection.find(and(eq("answered", false), gte("at", since)))
                .sort(Sorts.descending("at")).limit(limit).batchSize(Math.min(limit, 1_000))
                .into(new ArrayList<>());
    }

    /** Entries dropped because the store could not keep up (or was down). */
    public long dropped() {
        return dropped.get();
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        writer.close();
    }

    private static Map<Class<?>, String> kinds() {
        Map<Class<?>, String> kinds = new HashMap<>();
        for (JsonSubTypes.Type t : Answer.class.getAnnotation(JsonSubTypes.class).value()) kinds.put(t.value(), t.name());
        return kinds;
    }
}
