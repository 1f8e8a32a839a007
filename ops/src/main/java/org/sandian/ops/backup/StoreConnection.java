package org.sandian.ops.backup;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.sandian.content.store.EmbeddedMongo;
import org.sandian.content.store.StoreOptions;
import org.sandian.ops.hub.StoreAccess;

/**
 * The store a backup reads or a restore writes, found the way the hub finds it: the external
 * MongoDB when a URI is configured; else a running hub's embedded store through the address it
 * publishes in {@code <data-dir>/store.uri} ({@link StoreAccess}: the hub holds the H2 file, so no
 * other process can open it); else the embedded store's file opened here (hub stopped).
 */
public final class StoreConnection implements AutoCloseable {

    /** The embedded store's file under the data dir (content's EmbeddedMongo names it). */
    static final String EMBEDDED_FILE = "sandian.mv.db";

    private final MongoClient client;
    private final MongoDatabase database;
    private final String description;
    private final EmbeddedMongo opened;
    private final boolean runningHub;

    private StoreConnection(MongoClient client, String database, String description, EmbeddedMongo opened,
                            boolean runningHub) {
        this.client = client;
        this.database = client.getDatabase(database);
        this.description = description;
        this.opened = opened;
        this.runningHub = runningHub;
    }

    /**
     * @param mustExist true for a backup: an embedded store that was never created is an error,
     *                  not an empty backup
     */
    public static StoreConnection open(StoreOptions options, boolean mustExist) throws BackupException {
        if (!options.isEmbedded()) {
            ConnectionString uri = new ConnectionString(options.uri());
            MongoClient client = connect(uri.getConnectionString(), 10);
            String hosts = String.join(",", uri.getHosts());
            ping(client, options.database(), "the MongoDB at " + hosts);
            return new StoreConnection(client, options.database(), "external MongoDB " + hosts, null, false);
        }
        Path dataDir = options.dataDir();
        Optional<String> published = publishedAddress(dataDir);
        if (published.isPresent()) {
            MongoClient client = connect(published.get(), 2);
            try {
                client.getDatabase(options.database()).runCommand(new Document("ping", 1));
                return new StoreConnection(client, options.database(),
                        "embedded store of the running hub (" + dataDir + ", " + published.get() + ")", null, true);
            } catch (RuntimeException stale) {
                client.close(); // a hub that crashed left its address behind: open the file ourselves
            }
        }
        if (mustExist && !Files.isRegularFile(dataDir.resolve(EMBEDDED_FILE))) {
            throw new BackupException("no embedded store in " + dataDir + " (no " + EMBEDDED_FILE
                    + "): check data-dir (env SANDIAN_DATA_DIR) or mongo.uri (env SANDIAN_MONGO_URI)");
        }
        EmbeddedMongo embedded;
        try {
            embedded = EmbeddedMongo.start(dataDir);
        } catch (RuntimeException e) {
            throw new BackupException("cannot open the embedded store in " + dataDir + ": " + e.getMessage()
                    + ". If a hub is running on this folder, it must publish " + StoreAccess.URI_FILE
                    + " (hubs from this version do); otherwise stop it and try again.", e);
        }
        MongoClient client = connect(embedded.connectionString(), 10);
        return new StoreConnection(client, options.database(), "embedded store " + dataDir, embedded, false);
    }

    /** What a running hub wrote in store.uri (it may be stale after a crash: ping before use). */
    private static Optional<String> publishedAddress(Path dataDir) {
        Path file = dataDir.resolve(StoreAccess.URI_FILE);
        try {
            if (!Files.isRegularFile(file)) return Optional.empty();
            String uri = Files.readString(file, StandardCharsets.UTF_8).trim();
            return uri.startsWith("mongodb://") ? Optional.of(uri) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static MongoClient connect(String uri, int timeoutSeconds) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(timeoutSeconds, TimeUnit.SECONDS))
                .build());
    }

    private static void ping(MongoClient client, String database, String what) throws BackupException {
        try {
            client.getDatabase(database).runCommand(new Document("ping", 1));
        } catch (RuntimeException e) {
            client.close();
            throw new BackupException(what + " does not answer: " + e.getMessage(), e);
        }
    }

    public MongoClient client() {
        return client;
    }

    public MongoDatabase database() {
        return database;
    }

    /** What the manifest's "source" and the command's output say. */
    public String description() {
        return description;
    }

    /** True when this is a running hub's embedded store, reached through its published address. */
    public boolean isRunningHub() {
        return runningHub;
    }

    @Override
    public void close() {
        client.close();
        if (opened != null) opened.close();
    }
}
