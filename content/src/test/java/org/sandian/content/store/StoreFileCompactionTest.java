package org.sandian.content.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.sandian.content.testing.TestStore;

class StoreFileCompactionTest {

    @Test
    void aFileBloatedBySingleCommitsShrinksAndKeepsItsData() throws Exception {
        Path dir = TestStore.tempDir();
        try (MongoStore store = MongoStore.open(StoreOptions.embedded(dir))) {
            MongoCollection<Document> docs = store.collection("bloat", Document.class);
            // One command, one commit: each leaves a chunk behind.
            for (int i = 0; i < 1_000; i++) docs.insertOne(new Document("_id", i).append("text", "白菜 cabbage " + i));
        }
        Path file = dir.resolve("sandian.mv.db");
        long before = Files.size(file);

        assertTrue(StoreFile.compactIfWasteful(file, 1024 * 1024), "a " + (before >> 10) + " KB file was not compacted");
        long after = Files.size(file);
        assertTrue(after * 4 < before, "compaction left " + after + " of " + before + " bytes");
        assertFalse(StoreFile.compactIfWasteful(file, 1024 * 1024), "a compact file is compacted again");

        try (MongoStore reopened = MongoStore.open(StoreOptions.embedded(dir))) {
            MongoCollection<Document> docs = reopened.collection("bloat", Document.class);
            assertEquals(1_000, docs.countDocuments());
            assertEquals("白菜 cabbage 999", docs.find(new Document("_id", 999)).first().getString("text"));
        }
    }

    @Test
    void theFileOpensWithTheSettingsTunedForSmsLoad() throws Exception {
        MVStore store = StoreFile.open(TestStore.tempDir().resolve("tuned.mv.db"));
        try {
            assertEquals(StoreFile.CACHE_MB, store.getCacheSize(), "page cache, MB");
            assertEquals(StoreFile.KEYS_PER_PAGE, store.getKeysPerPage());
            assertEquals(StoreFile.WRITE_BUFFER_KB * 1024, store.getAutoCommitMemory(), "write buffer, bytes");
        } finally {
            store.close();
        }
    }

    @Test
    void aSmallFileIsLeftAlone() {
        Path dir = TestStore.tempDir();
        try (MongoStore store = MongoStore.open(StoreOptions.embedded(dir))) {
            store.collection("small", Document.class).insertOne(new Document("_id", 1));
        }
        assertFalse(StoreFile.compactIfWasteful(dir.resolve("sandian.mv.db"), StoreFile.COMPACT_ABOVE_BYTES));
    }
}
