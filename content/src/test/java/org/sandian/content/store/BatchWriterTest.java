package org.sandian.content.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.content.testing.TestStore;

class BatchWriterTest {

    private static MongoStore store;

    @BeforeAll
    static void open() {
        store = TestStore.open();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static MongoCollection<Document> fresh(String name) {
        MongoCollection<Document> c = store.collection(name + System.nanoTime(), Document.class);
        c.drop();
        return c;
    }

    @Test
    void manyConcurrentWritesAreStoredInFewBatches() throws Exception {
        MongoCollection<Document> c = fresh("bw_many");
        try (BatchWriter<Document> writer = new BatchWriter<>(c, "many", 200, Duration.ofMillis(20))) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) all.add(writer.write(new Document("_id", "m" + i).append("n", i)));
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertEquals(2_000, c.countDocuments());
            assertEquals(2_000, writer.written());
            assertTrue(writer.batches() <= 40, "expected batches of up to 200, got " + writer.batches() + " commands");
        }
    }

    @Test
    void duplicateKeyCountsAsWrittenAndOtherDocsOfTheBatchAreStored() throws Exception {
        MongoCollection<Document> c = fresh("bw_dup");
        c.insertOne(new Document("_id", "d1").append("v", "first"));
        try (BatchWriter<Document> writer = new BatchWriter<>(c, "dup", 100, Duration.ofMillis(50))) {
            CompletableFuture<Void> dup = writer.write(new Document("_id", "d1").append("v", "again"));
            CompletableFuture<Void> fresh = writer.write(new Document("_id", "d2"));
            CompletableFuture<Void> dupInBatch = writer.write(new Document("_id", "d2"));
            CompletableFuture.allOf(dup, fresh, dupInBatch).get(10, TimeUnit.SECONDS);
            assertEquals(2, c.countDocuments());
            assertEquals("first", c.find(new Document("_id", "d1")).first().getString("v"));
        }
    }

    @Test
    void writeAllCompletesWhenEveryDocumentIsStored() throws Exception {
        MongoCollection<Document> c = fresh("bw_all");
        try (BatchWriter<Document> writer = new BatchWriter<>(c, "all", 7, Duration.ZERO)) {
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 50; i++) docs.add(new Document("_id", i));
            writer.writeAll(docs).get(10, TimeUnit.SECONDS);
            assertEquals(50, c.countDocuments());
        }
    }

    @Test
    void aDocumentTheStoreRejectsFailsOnlyItsOwnFuture() throws Exception {
        MongoCollection<Document> c = fresh("bw_bad");
        try (BatchWriter<Document> writer = new BatchWriter<>(c, "bad", 100, Duration.ofMillis(50))) {
            // An array _id is refused by the server, per document.
            CompletableFuture<Void> bad = writer.write(new Document("_id", List.of(1, 2)));
            CompletableFuture<Void> good = writer.write(new Document("_id", "g1"));
            ExecutionException e = assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
            assertInstanceOf(RuntimeException.class, e.getCause());
            good.get(10, TimeUnit.SECONDS);
            assertEquals(1, c.countDocuments(new Document("_id", "g1")));
            assertEquals(0, c.countDocuments(new Document("_id", List.of(1, 2))));
        }
    }

    @Test
    void closeFlushesQueuedDocumentsAndRefusesNewOnes() throws Exception {
        MongoCollection<Document> c = fresh("bw_close");
        BatchWriter<Document> writer = new BatchWriter<>(c, "close", 1_000, Duration.ofSeconds(30));
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) all.add(writer.write(new Document("_id", i)));
        writer.close();
        for (CompletableFuture<Void> f : all) assertTrue(f.isDone() && !f.isCompletedExceptionally());
        assertEquals(300, c.countDocuments());
        CompletableFuture<Void> late = writer.write(new Document("_id", "late"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> late.get(1, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }
}
