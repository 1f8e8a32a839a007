package org.sandian.content.store;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * The default store when no MongoDB URI is configured: mongo-java-server in this JVM with its H2
 * file backend, bound to loopback, so the real driver talks the real wire protocol to it.
 *
 * <p>Acknowledged writes are durable: every write command is committed to the file before its
 * reply ({@link DurableH2Backend}), so a write acknowledged before a kill -9 is there after the
 * restart, and the file is forced to disk every second ({@link StoreSync}), so a power cut loses
 * about the last second. Batch writes ({@link BatchWriter}) so that one commit carries many
 * documents. The file is compacted at start when it is large and mostly dead space ({@link StoreFile}).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;
    private final StoreSync sync;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address, StoreSync sync) {
        this.server = server;
        this.address = address;
        this.sync = sync;
    }

    /** Opens (or creates) {@code dataDir/sandian.mv.db} and listens on a free loopback port. */
    public static EmbeddedMongo start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data dir " + dataDir, e);
        }
        MVStore store = StoreFile.open(dataDir.resolve("sandian.mv.db"));
        MongoServer server = new MongoServer(new DurableH2Backend(store));
        server.bind("127.0.0.1", 0);
        return new EmbeddedMongo(server, server.getLocalAddress(), StoreSync.start(store));
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    @Override
    public void close() {
        sync.close();
        server.shutdownNow();
    }
}
