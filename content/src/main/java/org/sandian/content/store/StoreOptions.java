package org.sandian.content.store;

import java.nio.file.Path;

/**
 * Where the hub keeps its data.
 *
 * @param uri      an external MongoDB connection string, or null for the embedded store
 * @param dataDir  the embedded store's folder (its H2 file lives there)
 * @param database the database name
 */
public record StoreOptions(String uri, Path dataDir, String database) {

    public static StoreOptions embedded(Path dataDir) {
        return new StoreOptions(null, dataDir, "sandian");
    }

    public boolean isEmbedded() {
        return uri == null || uri.isBlank();
    }
}
