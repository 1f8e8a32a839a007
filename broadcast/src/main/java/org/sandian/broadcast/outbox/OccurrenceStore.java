package org.sandian.broadcast.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.sandian.broadcast.core.JsonDocs;
import org.sandian.content.store.MongoStore;

/** The "occurrences" collection; every write is by {@code _id}. Blocking. */
public final class OccurrenceStore {

    private final MongoCollection<Document> collection;

    public OccurrenceStore(MongoStore store) {
        this.collection = store.collection("occurrences", Document.class);
        collection.createIndex(Indexes.ascending("state"));
    }

    /** Inserts a new occurrence; false when it exists already (another node fired it). */
    public boolean insert(Occurrence o) {
        try {
            collection.insertOne(JsonDocs.toDoc(o, o.id()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) return false;
            throw e;
        }
    }

    public Occurrence find(String id) {
        Document d = collection.find(Filters.eq("_id", id)).first();
        return d == null ? null : JsonDocs.fromDoc(d, Occurrence.class);
    }

    public void replace(Occurrence o) {
        collection.replaceOne(Filters.eq("_id", o.id()), JsonDocs.toDoc(o, o.id()));
    }

    /** Every occurrence (a scan: the collection holds one document per firing). */
    public List<Occurrence> all() {
        List<Occurrence> out = new ArrayList<>();
        try (MongoCursor<Document> c = collection.find().batchSize(1_000).iterator()) {
            while (c.hasNext()) out.add(JsonDocs.fromDoc(c.next(), Occurrence.class));
        }
        return out;
    }

    /**
     * The occurrences being sent: filtered by the store (on MongoDB through the index on
     * {@code state}; the embedded store ignores it and scans, still without sending the others).
     */
    public List<Occurrence> sending() {
        return find(Filters.eq("state", OccurrenceState.SENDING.name()));
    }

    /** Occurrences that are over (done, expired or cancelled). */
    public List<Occurrence> finished() {
        return find(Filters.in("state", OccurrenceState.DONE.name(), OccurrenceState.EXPIRED.name(),
                OccurrenceState.CANCELLED.name()));
    }

    private List<Occurrence> find(Bson filter) {
        List<Occurrence> out = new ArrayList<>();
        try (MongoCursor<Document> c = collection.find(filter).batchSize(1_000).iterator()) {
            while (c.hasNext()) out.add(JsonDocs.fromDoc(c.next(), Occurrence.class));
        }
        return out;
    }

    public List<Occurrence> ofBroadcast(String broadcastId) {
        return all().stream().filter(o -> o.broadcastId().equals(broadcastId)).toList();
    }

    /** Counts one more chunk done and returns the occurrence after it. */
    public Occurrence chunkDone(String id) {
        Document d = collection.findOneAndUpdate(Filters.eq("_id", id), Updates.inc("chunksDone", 1),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return d == null ? null : JsonDocs.fromDoc(d, Occurrence.class);
    }

    public void delete(String id) {
        collection.deleteOne(Filters.eq("_id", id));
    }

    public void addStopped(String id, String phone) {
        collection.updateOne(Filters.eq("_id", id), Updates.addToSet("stopped", phone));
    }

    public void close(String id, OccurrenceState state, Instant at) {
        collection.updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.set("state", state.name()), Updates.set("finishedAt", at.toString())));
    }
}
