package org.sandian.broadcast.subscriber;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.sandian.content.store.MongoStore;

/**
 * The "subscribers" collection. Blocking: call from worker threads. Every lookup is by {@code _id}
 * (the phone): the embedded store has no secondary indexes, so audiences scan in one pass instead.
 */
public final class SubscriberStore {

    public static final String COLLECTION = "subscribers";
    private static final int SCAN_BATCH = 2_000;

    private static final Document TARGETING = new Document("lang", 1).append("region", 1).append("crops", 1)
            .append("topics", 1).append("channels", 1).append("status", 1);

    private final MongoCollection<Document> collection;

    public SubscriberStore(MongoStore store) {
        this.collection = store.collection(COLLECTION, Document.class);
    }

    /** The subscriber with this E.164 phone, or null. */
    public Subscriber find(String phone) {
        Document d = collection.find(Filters.eq("_id", phone)).first();
        return d == null ? null : SubscriberDocs.fromDoc(d);
    }

    /** Inserts or replaces by phone. */
    public void save(Subscriber s) {
        collection.replaceOne(Filters.eq("_id", s.phone()), SubscriberDocs.toDoc(s), new ReplaceOptions().upsert(true));
    }

    /** Inserts or replaces many in one command (officer import; one store commit per batch). */
    public void saveAll(List<Subscriber> batch) {
        if (batch.isEmpty()) return;
        List<WriteModel<Document>> writes = new ArrayList<>(batch.size());
        for (Subscriber s : batch) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", s.phone()), SubscriberDocs.toDoc(s),
                    new ReplaceOptions().upsert(true)));
        }
        collection.bulkWrite(writes);
    }

    /** Inserts new subscribers in one command; fails on an existing phone (bench, first import). */
    public void insertAll(List<Subscriber> batch) {
        if (batch.isEmpty()) return;
        List<Document> docs = new ArrayList<>(batch.size());
        for (Subscriber s : batch) docs.add(SubscriberDocs.toDoc(s));
        collection.insertMany(docs, new InsertManyOptions().ordered(false));
    }

    /** Visits every subscriber once, streaming in batches (never the whole collection in memory). */
    public void forEach(Consumer<Subscriber> visitor) {
        try (MongoCursor<Document> cursor = collection.find().batchSize(SCAN_BATCH).iterator()) {
            while (cursor.hasNext()) visitor.accept(SubscriberDocs.fromDoc(cursor.next()));
        }
    }

    /**
     * Visits every subscriber with only what audiences look at (phone, language, region, crops,
     * topics, channels, status): what fan-out and counts scan, a third of the bytes.
     */
    public void forEachTargetable(Consumer<Subscriber> visitor) {
        try (MongoCursor<Document> cursor = collection.find().projection(TARGETING).batchSize(SCAN_BATCH).iterator()) {
            while (cursor.hasNext()) visitor.accept(SubscriberDocs.fromDoc(cursor.next()));
        }
    }

    /** Visits the phone of every subscriber, streaming (the _id alone is read). */
    public void forEachPhone(Consumer<String> visitor) {
        try (MongoCursor<Document> cursor = collection.find().projection(new Document("_id", 1)).batchSize(SCAN_BATCH)
                .iterator()) {
            while (cursor.hasNext()) visitor.accept(cursor.next().getString("_id"));
        }
    }

    public long count() {
        return collection.countDocuments();
    }
}
