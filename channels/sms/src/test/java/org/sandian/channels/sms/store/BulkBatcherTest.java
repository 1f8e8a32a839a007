package org.sandian.channels.sms.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/** The outbox's group commit on the embedded store: merged field updates land as if applied in turn. */
class BulkBatcherTest {

    private MongoStore store;
    private MongoCollection<Document> collection;
    private BulkBatcher batcher;

    @BeforeEach
    void open() {
        store = TestStore.open();
        collection = store.collection("bulk_test", Document.class);
        batcher = new BulkBatcher(collection, "bulk_test", 500);
    }

    @AfterEach
    void close() {
        batcher.close();
        store.close();
    }

    @Test
    void updatesOfOneDocumentLandInTheOrderTheyWereQueued() throws Exception {
        for (int d = 0; d < 20; d++) collection.insertOne(new Document("_id", "mt" + d).append("state", "QUEUED"));
        List<CompletableFuture<BulkBatcher.Outcome>> all = new ArrayList<>();
        // queued in bursts so that many updates of one document wait in the same batch
        for (int step = 0; step < 50; step++) {
            for (int d = 0; d < 20; d++) {
                all.add(batcher.set("mt" + d, new Document("state", "S" + step).append("parts." + (step % 3), step)));
            }
        }
        for (CompletableFuture<BulkBatcher.Outcome> f : all) assertEquals(BulkBatcher.Outcome.NEW, f.get(10, TimeUnit.SECONDS));
        for (int d = 0; d < 20; d++) {
            Document doc = collection.find(Filters.eq("_id", "mt" + d)).first();
            assertEquals("S49", doc.getString("state"), "the last update wins");
            Document parts = doc.get("parts", Document.class);
            assertEquals(48, parts.getInteger("0"));
            assertEquals(49, parts.getInteger("1"));
            assertEquals(47, parts.getInteger("2"));
        }
    }

    @Test
    void aDuplicateInsertIsToldApartAndItsNeighboursStillLand() throws Exception {
        collection.insertOne(new Document("_id", "taken"));
        CompletableFuture<BulkBatcher.Outcome> again = batcher.write(new InsertOneModel<>(new Document("_id", "taken")));
        CompletableFuture<BulkBatcher.Outcome> fresh = batcher.write(new InsertOneModel<>(new Document("_id", "fresh")));
        CompletableFuture<BulkBatcher.Outcome> set = batcher.set("taken", new Document("seen", true));
        assertEquals(BulkBatcher.Outcome.DUPLICATE, again.get(10, TimeUnit.SECONDS));
        assertEquals(BulkBatcher.Outcome.NEW, fresh.get(10, TimeUnit.SECONDS));
        assertEquals(BulkBatcher.Outcome.NEW, set.get(10, TimeUnit.SECONDS));
        assertEquals(true, collection.find(Filters.eq("_id", "taken")).first().getBoolean("seen"));
        assertEquals(2, collection.countDocuments());
    }
}
