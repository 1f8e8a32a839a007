package org.sandian.broadcast.core;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.sandian.content.store.MongoStore;

/**
 * The "broadcasts" collection: a few hundred documents, read by {@code _id} or scanned whole.
 * Updates are conditional on the version read, so two concurrent changes cannot both win.
 * Blocking.
 */
public final class BroadcastStore {

    private final MongoCollection<Document> collection;

    public BroadcastStore(MongoStore store) {
        this.collection = store.collection("broadcasts", Document.class);
    }

    public Broadcast find(String id) {
        Document d = collection.find(Filters.eq("_id", id)).first();
        return d == null ? null : JsonDocs.fromDoc(d, Broadcast.class);
    }

    public void insert(Broadcast b) {
        collection.insertOne(JsonDocs.toDoc(b, b.id()));
    }

    /** Stores {@code next} if the stored version is still {@code next.version() - 1}; false otherwise. */
    public boolean update(Broadcast next) {
        return collection.replaceOne(Filters.and(Filters.eq("_id", next.id()), Filters.eq("version", next.version() - 1)),
                JsonDocs.toDoc(next, next.id())).getModifiedCount() == 1;
    }

    public List<Broadcast> all() {
        List<Broadcast> out = new ArrayList<>();
        try (MongoCursor<Document> c = collection.find().batchSize(500).iterator()) {
            while (c.hasNext()) out.add(JsonDocs.fromDoc(c.next(), Broadcast.class));
        }
        return out;
    }
}
