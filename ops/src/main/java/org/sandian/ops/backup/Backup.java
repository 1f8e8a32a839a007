package org.sandian.ops.backup;

import com.mongodb.ClientSessionOptions;
import com.mongodb.MongoException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.sandian.channels.voice.speech.SharedSounds;

/**
 * Writes every collection of a database to {@code <name>.jsonl} (one document per line, canonical
 * Extended JSON, so Decimal128, dates, longs and binaries come back with their exact types), then
 * {@code manifest.json} last.
 *
 * <p>What "consistent" means here: on a MongoDB replica set (5.0 or later) every collection is read
 * in one snapshot session, at one cluster time, while the hub keeps writing. Elsewhere (the embedded
 * store, a standalone MongoDB) each collection is read once in _id order: every document that was
 * not changed during the backup is in it exactly once; one inserted, updated or deleted meanwhile
 * may or may not be, in either version; and two collections may be read at different moments.
 */
public final class Backup {

    static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final int BATCH = 1_000;
    /**
     * Shared sounds are documents of up to {@link SharedSounds#MAX_BYTES}: the embedded store does not
     * cut a reply at 16 MB as MongoDB does, and the driver refuses one above 48 MB (1,000 of them were
     * 4 GB), so that collection is read a few documents at a time.
     */
    static final int SOUNDS_BATCH = (int) Math.max(1, 32_000_000L / SharedSounds.MAX_BYTES);

    private Backup() {
    }

    /** A session whose reads all see one cluster time, or null when the store cannot give one. */
    public static ClientSession snapshotSession(MongoClient client, MongoDatabase database) {
        ClientSession session = null;
        try {
            session = client.startSession(ClientSessionOptions.builder().snapshot(true).build());
            for (String name : database.listCollectionNames()) {
                database.getCollection(name).find(session).limit(1).first(); // fails here on a standalone
                break;
            }
            return session;
        } catch (MongoException | UnsupportedOperationException e) {
            if (session != null) session.close();
            return null;
        }
    }

    /**
     * @param session a snapshot session, or null for per-collection reads
     * @param dir     an empty or new folder
     */
    public static Manifest write(MongoDatabase database, ClientSession session, Path dir, String source, Clock clock)
            throws BackupException, IOException {
        requireEmptyFolder(dir);
        Instant created = clock.instant();
        List<Manifest.Entry> entries = new ArrayList<>();
        for (String name : collectionNames(database)) {
            entries.add(writeCollection(database.getCollection(name, BsonDocument.class), session, dir));
        }
        Manifest manifest = new Manifest(Manifest.VERSION, created, source, database.getName(),
                session != null ? Manifest.SNAPSHOT : Manifest.PER_COLLECTION, entries);
        Path tmp = dir.resolve(Manifest.FILE + ".tmp");
        Files.writeString(tmp, manifest.toJson(), StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(Manifest.FILE), StandardCopyOption.ATOMIC_MOVE);
        return manifest;
    }

    /** Every collection (views and system collections excepted), sorted so backups compare. */
    static List<String> collectionNames(MongoDatabase database) {
        List<String> names = new ArrayList<>();
        for (Document c : database.listCollections()) {
            String name = c.getString("name");
            if (name.startsWith("system.") || "view".equals(c.getString("type"))) continue;
            names.add(name);
        }
        names.sort(null);
        return names;
    }

    private static void requireEmptyFolder(Path dir) throws BackupException, IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) throw new BackupException(dir + " is a file, not a folder");
            try (Stream<Path> files = Files.list(dir)) {
                if (files.findAny().isPresent()) {
                    throw new BackupException(dir + " is not empty: give a new folder for each backup");
                }
            }
        }
        Files.createDirectories(dir);
    }

    private static Manifest.Entry writeCollection(MongoCollection<BsonDocument> collection, ClientSession session,
                                                  Path dir) throws IOException {
        String file = CollectionFile.fileName(collection.getNamespace().getCollectionName());
        MessageDigest digest = CollectionFile.sha256();
        long count = 0;
        FindIterable<BsonDocument> find = session != null ? collection.find(session) : collection.find();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(dir.resolve(file)), digest);
             BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
             MongoCursor<BsonDocument> cursor = find.sort(Sorts.ascending("_id"))
                     .batchSize(SharedSounds.COLLECTION.equals(collection.getNamespace().getCollectionName()) ? SOUNDS_BATCH : BATCH)
                     .iterator()) {
            while (cursor.hasNext()) {
                writer.write(cursor.next().toJson(CANONICAL));
                writer.write('\n');
                count++;
            }
        }
        return new Manifest.Entry(collection.getNamespace().getCollectionName(), file, count,
                CollectionFile.hex(digest), indexes(collection));
    }

    /** Index definitions as listIndexes gives them, less the _id index and the server's bookkeeping. */
    private static List<Document> indexes(MongoCollection<BsonDocument> collection) {
        List<Document> specs = new ArrayList<>();
        for (Document index : collection.listIndexes()) {
            if ("_id_".equals(index.getString("name"))) continue;
            index.remove("v");
            index.remove("ns");
            specs.add(index);
        }
        return specs;
    }
}
