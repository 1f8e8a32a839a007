package org.sandian.ops.backup;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.json.JsonParseException;

/**
 * Puts a backup back into an empty store. Everything is checked before the first write: the
 * manifest reads, every file is there, and each file's line count and SHA-256 match the manifest.
 * A damaged or partial backup is refused with every problem named, and the store is left untouched.
 */
public final class Restore {

    private static final int BATCH = 1_000;
    /** A batch is also cut at this many characters of JSON: shared sounds are megabytes each. */
    private static final long BATCH_CHARS = 32_000_000L;

    private Restore() {
    }

    /** The backup's manifest once every file has been checked against it. Writes nothing. */
    public static Manifest verify(Path dir) throws BackupException, IOException {
        if (!Files.isDirectory(dir)) throw new BackupException("no backup folder " + dir);
        Path manifestFile = dir.resolve(Manifest.FILE);
        if (!Files.isRegularFile(manifestFile)) {
            throw new BackupException("no " + Manifest.FILE + " in " + dir
                    + ": not a backup, or a backup that did not finish. Nothing was restored.");
        }
        Manifest manifest = Manifest.parse(Files.readString(manifestFile, StandardCharsets.UTF_8));
        List<String> problems = new ArrayList<>();
        for (Manifest.Entry e : manifest.collections()) {
            Path file = dir.resolve(e.file());
            if (!Files.isRegularFile(file)) {
                problems.add(e.file() + " is missing (collection " + e.name() + ", " + e.count() + " documents)");
                continue;
            }
            CollectionFile.Summary s = CollectionFile.summarize(file);
            if (s.lines() != e.count()) {
                problems.add(e.file() + " has " + s.lines() + " documents but the manifest says " + e.count());
            }
            if (!s.sha256().equals(e.sha256())) {
                problems.add(e.file() + " does not match its SHA-256 in the manifest (truncated or changed)");
            }
        }
        if (!problems.isEmpty()) {
            throw new BackupException("the backup in " + dir + " is damaged or incomplete, nothing was restored:\n  - "
                    + String.join("\n  - ", problems));
        }
        return manifest;
    }

    /** The collections that hold documents: a restore goes only into a store where this is empty. */
    public static List<String> nonEmptyCollections(MongoDatabase database) {
        List<String> names = new ArrayList<>();
        for (String name : Backup.collectionNames(database)) {
            if (database.getCollection(name).find().limit(1).first() != null) names.add(name);
        }
        return names;
    }

    /** Drops every collection: only for {@code restore --force-wipe}, after the backup was verified. */
    public static void wipe(MongoDatabase database) {
        for (String name : Backup.collectionNames(database)) {
            database.getCollection(name).drop();
        }
    }

    /**
     * Inserts every document of a verified backup (insertMany of 1,000), recreates the indexes, and
     * checks the stored counts. The store must be empty: see {@link #nonEmptyCollections}.
     *
     * @return the number of documents restored
     */
    public static long write(MongoDatabase database, Path dir, Manifest manifest) throws BackupException, IOException {
        long total = 0;
        for (Manifest.Entry e : manifest.collections()) {
            MongoCollection<BsonDocument> collection = database.getCollection(e.name(), BsonDocument.class);
            long written = 0;
            try {
                database.createCollection(e.name()); // so an empty collection comes back too
            } catch (MongoException exists) {
                // already there (empty, checked before): keep it
            }
            try (BufferedReader reader = Files.newBufferedReader(dir.resolve(e.file()), StandardCharsets.UTF_8)) {
                List<BsonDocument> batch = new ArrayList<>(BATCH);
                long chars = 0;
                String line;
                while ((line = reader.readLine()) != null) {
                    batch.add(BsonDocument.parse(line));
                    chars += line.length();
                    if (batch.size() == BATCH || chars >= BATCH_CHARS) {
                        collection.insertMany(batch);
                        written += batch.size();
                        batch.clear();
                        chars = 0;
                    }
                }
                if (!batch.isEmpty()) {
                    collection.insertMany(batch);
                    written += batch.size();
                }
                createIndexes(database, e);
            } catch (MongoException | JsonParseException ex) {
                throw new BackupException("restore stopped in collection " + e.name() + " after " + written
                        + " of its documents (" + (total + written) + " in all): " + ex.getMessage()
                        + ". The store is now partial: run restore again with --force-wipe.", ex);
            }
            total += written;
            long stored = collection.countDocuments();
            if (stored != e.count()) {
                throw new BackupException("collection " + e.name() + " holds " + stored + " documents after the restore, "
                        + "the backup has " + e.count() + ": was the hub running? Stop it and restore with --force-wipe.");
            }
        }
        return total;
    }

    private static void createIndexes(MongoDatabase database, Manifest.Entry e) {
        if (e.indexes().isEmpty()) return;
        database.runCommand(new Document("createIndexes", e.name()).append("indexes", e.indexes()));
    }
}
