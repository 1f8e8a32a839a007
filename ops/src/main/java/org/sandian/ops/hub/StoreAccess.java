package org.sandian.ops.hub;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sandian.content.store.MongoStore;
import org.sandian.content.store.StoreOptions;
import org.sandian.ops.config.HubConfig;

/**
 * How tools (user, backup, restore, import) reach the store. A running hub holds its embedded
 * store's file, so it publishes the store's loopback address in {@code <data-dir>/store.uri} and
 * tools connect there; with no hub running, a tool opens the embedded store itself.
 */
public final class StoreAccess {

    public static final String URI_FILE = "store.uri";

    private StoreAccess() {
    }

    /** Called by a hub once its embedded store is up. */
    static void publish(HubConfig config, MongoStore store) throws IOException {
        if (store.isEmbedded()) Files.writeString(uriFile(config), store.connectionString());
    }

    static void withdraw(HubConfig config) {
        try {
            Files.deleteIfExists(uriFile(config));
        } catch (IOException ignored) {
            // a stale file is checked before use
        }
    }

    public static MongoStore open(HubConfig config) {
        if (!config.store().isEmbedded()) return MongoStore.open(config.store());
        String running = runningHubStore(config);
        if (running != null) {
            return MongoStore.open(new StoreOptions(running, config.dataDir(), config.store().database()));
        }
        return MongoStore.open(config.store());
    }

    /** The running hub's embedded store address, or null when no hub answers there. */
    private static String runningHubStore(HubConfig config) {
        Path file = uriFile(config);
        if (!Files.isRegularFile(file)) return null;
        try {
            String uri = Files.readString(file).trim();
            URI parsed = URI.create(uri);
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(parsed.getHost(), parsed.getPort()), 1_000);
            }
            return uri;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Path uriFile(HubConfig config) {
        return config.dataDir().resolve(URI_FILE);
    }
}
