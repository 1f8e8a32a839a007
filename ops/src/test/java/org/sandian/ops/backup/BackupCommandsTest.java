package org.sandian.ops.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.content.store.MongoStore;
import org.sandian.content.store.StoreOptions;
import org.sandian.content.testing.TestStore;
import org.sandian.ops.cli.BackupCommand;
import org.sandian.ops.cli.RestoreCommand;
import org.sandian.ops.config.ConfigReader;
import org.sandian.ops.config.HubConfig;
import org.sandian.ops.hub.Hub;
import org.sandian.ops.hub.StoreAccess;
import picocli.CommandLine;

/**
 * {@code sandian backup} and {@code sandian restore} as an operator runs them, on embedded stores in
 * data dirs: exit codes, messages, and a store left untouched when a backup is refused.
 */
class BackupCommandsTest {

    /** A stopped hub's data dir holding the sample data, and a backup of it taken by the command. */
    static Path sourceDir;
    static Path backup;
    static Map<String, List<String>> sourceDocs;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void backUpAStoppedHub() throws Exception {
        sourceDir = TestStore.tempDir();
        try (MongoStore store = MongoStore.open(StoreOptions.embedded(sourceDir))) {
            SampleData.fill(store.database());
            sourceDocs = SampleData.dump(store.database());
        }
        backup = TestStore.tempDir().resolve("b1");
        Run r = run(new BackupCommand(), "-c", conf(sourceDir), backup.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("3 collections, " + (SampleData.PRICES + 2) + " documents, per-collection"), r.out());
    }

    static String conf(Path dataDir) throws Exception {
        Path f = Files.createTempFile("sandian-", ".conf");
        Files.writeString(f, "data-dir = \"" + dataDir + "\"\nmongo.uri = \"\"\n");
        return f.toString();
    }

    /** Runs a command, capturing what it prints (a hub's background threads may log in between: match with contains). */
    static synchronized Run run(Object command, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = new CommandLine(command).execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static Path copyOfBackup() throws Exception {
        Path copy = TestStore.tempDir().resolve("copy");
        Files.createDirectories(copy);
        try (var files = Files.list(backup)) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        return copy;
    }

    static Map<String, List<String>> docsIn(Path dataDir) {
        try (MongoStore store = MongoStore.open(StoreOptions.embedded(dataDir))) {
            return SampleData.dump(store.database());
        }
    }

    /** Restores into a new data dir, expecting a refusal; returns the message after checking nothing was written. */
    static String refusedRestore(Path damaged) throws Exception {
        Path target = TestStore.tempDir();
        Run r = run(new RestoreCommand(), "-c", conf(target), damaged.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("restore refused: "), r.err());
        assertFalse(Files.exists(target.resolve(StoreConnection.EMBEDDED_FILE)), "refused before the store was even opened");
        return r.err();
    }

    @Test
    void restoreIntoANewDataDirGivesTheSameDocuments() throws Exception {
        Path target = TestStore.tempDir();
        Run r = run(new RestoreCommand(), "-c", conf(target), backup.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("restored " + (SampleData.PRICES + 2) + " documents in 3 collections"), r.out());
        assertEquals(sourceDocs, docsIn(target));
    }

    @Test
    void restoreIntoAStoreWithDataIsRefusedUnlessForcedToWipe() throws Exception {
        Path target = TestStore.tempDir();
        try (MongoStore store = MongoStore.open(StoreOptions.embedded(target))) {
            store.database().getCollection("sample_prices").insertOne(new Document("_id", "someone else's").append("price", 1));
        }
        Run refused = run(new RestoreCommand(), "-c", conf(target), backup.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("the store is not empty (sample_prices hold documents)"), refused.err());
        assertEquals(1, docsIn(target).get("sample_prices").size(), "left as it was");

        Run wiped = run(new RestoreCommand(), "-c", conf(target), "--force-wipe", backup.toString());
        assertEquals(0, wiped.code(), wiped.err());
        assertEquals(sourceDocs, docsIn(target));
    }

    @Test
    void aTruncatedFileIsRefusedByName() throws Exception {
        Path damaged = copyOfBackup();
        Path prices = damaged.resolve("sample_prices.jsonl");
        byte[] all = Files.readAllBytes(prices);
        Files.write(prices, java.util.Arrays.copyOf(all, all.length / 2));
        String err = refusedRestore(damaged);
        assertTrue(err.contains("sample_prices.jsonl has "), err);
        assertTrue(err.contains("sample_prices.jsonl does not match its SHA-256"), err);
    }

    @Test
    void aMissingFileIsRefusedByName() throws Exception {
        Path damaged = copyOfBackup();
        Files.delete(damaged.resolve("sample_notices.jsonl"));
        String err = refusedRestore(damaged);
        assertTrue(err.contains("sample_notices.jsonl is missing (collection sample_notices, 2 documents)"), err);
    }

    @Test
    void aTamperedCountIsRefused() throws Exception {
        Path damaged = copyOfBackup();
        Path manifest = damaged.resolve(Manifest.FILE);
        String json = Files.readString(manifest);
        String tampered = json.replaceFirst("\"count\": " + SampleData.PRICES, "\"count\": " + (SampleData.PRICES - 1));
        assertFalse(json.equals(tampered), "the manifest holds the count as written");
        Files.writeString(manifest, tampered);
        String err = refusedRestore(damaged);
        assertTrue(err.contains("sample_prices.jsonl has " + SampleData.PRICES + " documents but the manifest says " + (SampleData.PRICES - 1)), err);
    }

    @Test
    void aBackupWithoutManifestIsRefusedAsUnfinished() throws Exception {
        Path damaged = copyOfBackup();
        Files.delete(damaged.resolve(Manifest.FILE));
        assertTrue(refusedRestore(damaged).contains("no manifest.json in " + damaged + ": not a backup, or a backup that did not finish"));
    }

    @Test
    void anUnreadableManifestIsRefused() throws Exception {
        Path damaged = copyOfBackup();
        Files.writeString(damaged.resolve(Manifest.FILE), "{\"format\": \"sandian-backup\", \"formatVersion\": 1, ");
        assertTrue(refusedRestore(damaged).contains("manifest.json is damaged: it is not valid JSON"));
    }

    @Test
    void backupIntoAFolderThatHoldsFilesIsRefused() {
        Run r = run(new BackupCommand(), "-c", confUnchecked(sourceDir), backup.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("is not empty: give a new folder for each backup"), r.err());
    }

    @Test
    void backupOfADataDirWithoutStoreIsRefused() throws Exception {
        Path nothing = TestStore.tempDir();
        Run r = run(new BackupCommand(), "-c", conf(nothing), TestStore.tempDir().resolve("b").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no embedded store in " + nothing), r.err());
    }

    @Test
    void missingDirIsAUsageErrorExit2() {
        assertEquals(2, run(new BackupCommand()).code());
        assertEquals(2, run(new RestoreCommand()).code());
    }

    @Test
    void backupOfARunningHubGoesThroughItsPublishedAddressWhileItWrites() throws Exception {
        Path dataDir = TestStore.tempDir();
        Hub hub = Hub.start(HubConfig.from(ConfigReader.load(null, Map.of(
                "SANDIAN_HTTP_PORT", "0", "SANDIAN_AGI_PORT", "0", "SANDIAN_DATA_DIR", dataDir.toString()))), false);
        String address = Files.readString(dataDir.resolve(StoreAccess.URI_FILE)).trim();
        try (MongoClient client = MongoClients.create(address)) {
            MongoCollection<Document> log = client.getDatabase("sandian").getCollection("backup_test_log");
            log.insertMany(java.util.stream.IntStream.range(0, 300).mapToObj(i -> new Document("_id", i).append("text", "价格 玉米 " + i)).toList());
            // Someone keeps writing while the backup reads.
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger next = new AtomicInteger(300);
            Thread writer = new Thread(() -> {
                while (!stop.get()) {
                    int i = next.getAndIncrement();
                    log.insertOne(new Document("_id", i).append("text", "PRICE MAIZE " + i));
                }
            });
            writer.start();
            Path b = TestStore.tempDir().resolve("live");
            Run r;
            try {
                r = run(new BackupCommand(), "-c", conf(dataDir), b.toString());
            } finally {
                stop.set(true);
                writer.join();
            }
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("from embedded store of the running hub"), r.out());
            Manifest m = Restore.verify(b);
            Manifest.Entry logEntry = m.collections().stream().filter(e -> e.name().equals("backup_test_log")).findFirst().orElseThrow();
            assertTrue(logEntry.count() >= 300 && logEntry.count() <= next.get(),
                    "every document written before the backup, at most all: " + logEntry.count());

            Run restoreIntoRunningHub = run(new RestoreCommand(), "-c", conf(dataDir), "--force-wipe", b.toString());
            assertEquals(1, restoreIntoRunningHub.code());
            assertTrue(restoreIntoRunningHub.err().contains("a hub is running on this store"), restoreIntoRunningHub.err());
        } finally {
            hub.stop();
        }
    }

    @Test
    void aStaleAddressFromACrashedHubIsIgnored() throws Exception {
        Path dataDir = TestStore.tempDir();
        try (MongoStore store = MongoStore.open(StoreOptions.embedded(dataDir))) {
            store.database().getCollection("notices").insertOne(new Document("_id", 1).append("title", "停电通知"));
        }
        Files.writeString(dataDir.resolve(StoreAccess.URI_FILE), "mongodb://127.0.0.1:1\n");
        Path b = TestStore.tempDir().resolve("stale");
        Run r = run(new BackupCommand(), "-c", conf(dataDir), b.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 collections, 1 documents, per-collection, from embedded store " + dataDir), r.out());
    }

    static String confUnchecked(Path dataDir) {
        try {
            return conf(dataDir);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
