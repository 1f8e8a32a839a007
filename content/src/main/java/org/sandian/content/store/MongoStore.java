package org.sandian.content.store;

import static org.bson.codecs.configuration.CodecRegistries.fromProviders;
import static org.bson.codecs.configuration.CodecRegistries.fromRegistries;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsCommandListener;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.codecs.record.RecordCodecProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's connection to MongoDB, embedded or external, with a codec registry that maps our
 * records directly. The driver is blocking: call it from worker threads, never an event loop.
 */
public final class MongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoStore.class);

    private final EmbeddedMongo embedded;
    private final MongoClient client;
    private final MongoDatabase database;
    private final String description;
    private final String connectionString;

    private MongoStore(EmbeddedMongo embedded, MongoClient client, MongoDatabase database, String description,
                       String connectionString) {
        this.embedded = embedded;
        this.connectionString = connectionString;
        this.client = client;
        this.database = database;
        this.description = description;
    }

    public static MongoStore open(StoreOptions options) {
        EmbeddedMongo embedded = options.isEmbedded() ? EmbeddedMongo.start(options.dataDir()) : null;
        ConnectionString uri = new ConnectionString(embedded != null ? embedded.connectionString() : options.uri());
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(uri)
                .codecRegistry(fromRegistries(fromProviders(new RecordCodecProvider()),
                        MongoClientSettings.getDefaultCodecRegistry()))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS))
                // store latencies per command on /metrics (mongodb_driver_commands_seconds)
                .addCommandListener(new MongoMetricsCommandListener(Metrics.globalRegistry))
                .build();
        MongoClient client = MongoClients.create(settings);
        String description = embedded != null ? "embedded" : String.join(",", uri.getHosts());
        log.info("store: {} database={}", description, options.database());
        return new MongoStore(embedded, client, client.getDatabase(options.database()), description,
                uri.getConnectionString());
    }

    public MongoDatabase database() {
        return database;
    }

    public <T> MongoCollection<T> collection(String name, Class<T> type) {
        return database.getCollection(name, type);
    }

    /** "embedded", or the external hosts: what the ready line and health report. */
    public String description() {
        return description;
    }

    /** Where the driver connects; for the embedded store, its loopback address. */
    public String connectionString() {
        return connectionString;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** True when the store answers a ping now. Blocking. */
    public boolean ping() {
        try {
            database.runCommand(new Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) embedded.close();
    }
}
