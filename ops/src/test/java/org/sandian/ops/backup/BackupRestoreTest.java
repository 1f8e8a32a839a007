package org.sandian.ops.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.content.demo.DemoData;
import org.sandian.content.store.ContentStores;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/** Backup a store full of awkward types, restore it into a fresh one, and find the same documents. */
class BackupRestoreTest {

    static MongoStore source;
    static Path backup;
    static Manifest manifest;
    static DemoData demo;

    @BeforeAll
    static void backUp() throws Exception {
        source = TestStore.open();
        SampleData.fill(source.database());
        // Real content too: the demo's commodities, regions, markets, notices, guidance and two days of prices.
        demo = DemoData.load(Clock.systemUTC(), ZoneId.of("Asia/Shanghai")).lastDays(2);
        demo.loadInto(new ContentStores(source));
        backup = TestStore.tempDir().resolve("backup");
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T06:00:00Z"), ZoneOffset.UTC);
        manifest = Backup.write(source.database(), null, backup, "test store", clock);
    }

    @AfterAll
    static void close() {
        source.close();
    }

    @Test
    void manifestCountsEveryCollectionAndChecksumsItsFile() throws Exception {
        Manifest read = Manifest.parse(Files.readString(backup.resolve(Manifest.FILE)));
        assertEquals(manifest, read);
        assertEquals(Instant.parse("2026-11-22T06:00:00Z"), read.created());
        assertEquals(List.of("commodities", "empty_but_kept", "guidance", "markets", "notices", "prices", "regions",
                "sample_notices", "sample_prices"), read.collections().stream().map(Manifest.Entry::name).toList());
        assertEquals(List.of((long) demo.commodities().size(), 0L, (long) demo.guidance().size(), (long) demo.markets().size(),
                (long) demo.notices().size(), (long) demo.prices().size(), (long) demo.regions().size(), 2L, (long) SampleData.PRICES),
                read.collections().stream().map(Manifest.Entry::count).toList());
        for (Manifest.Entry e : read.collections()) {
            assertEquals(e.sha256(), CollectionFile.summarize(backup.resolve(e.file())).sha256(), e.file());
        }
        assertEquals(Manifest.PER_COLLECTION, read.consistency());
    }

    @Test
    void restoreIntoAFreshStoreGivesIdenticalDocumentsTypesAndIndexes() throws Exception {
        try (MongoStore target = TestStore.open()) {
            long n = Restore.write(target.database(), backup, Restore.verify(backup));
            assertEquals(SampleData.PRICES + 2 + demo.size(), n);
            Map<String, List<String>> before = SampleData.dump(source.database());
            Map<String, List<String>> after = SampleData.dump(target.database());
            assertEquals(before.keySet(), after.keySet());
            for (String name : before.keySet()) {
                assertEquals(before.get(name).size(), after.get(name).size(), name);
                assertEquals(before.get(name), after.get(name), name);
            }
            assertEquals(SampleData.indexes(source.database()), SampleData.indexes(target.database()));
            Document price = target.database().getCollection("sample_prices").find(new Document("_id", "p-7")).first();
            assertEquals(new java.math.BigDecimal("2.370"), price.get("price", org.bson.types.Decimal128.class).bigDecimalValue());
            assertEquals(10_000_000_007L, price.getLong("volume"));
            assertTrue(price.get("observed") instanceof java.util.Date);
        }
    }

    @Test
    void aStoreThatHoldsDocumentsIsNamedAsNotEmpty() {
        assertEquals(List.of("commodities", "guidance", "markets", "notices", "prices", "regions", "sample_notices", "sample_prices"),
                Restore.nonEmptyCollections(source.database()));
        try (MongoStore fresh = TestStore.open()) {
            assertEquals(List.of(), Restore.nonEmptyCollections(fresh.database()));
        }
    }
}
