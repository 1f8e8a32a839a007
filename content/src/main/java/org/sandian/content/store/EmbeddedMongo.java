package org.sandian.content.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The default store when no MongoDB URI is configured: mongo-java-server in this JVM with its H2
 * file backend, bound to loopback, so the real driver talks the real wire protocol to it.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** Opens (or creates) {@code dataDir/sandian.mv.db} and listens on a free loopback port. */
    public static EmbeddedMongo start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data dir " + dataDir, e);
        }
        MongoServer server = new MongoServer(new H2Backend(dataDir.resolve("sandian.mv.db").toString()));
        server.bind("127.0.0.1", 0);
        return new EmbeddedMongo(server, server.getLocalAddress());
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
