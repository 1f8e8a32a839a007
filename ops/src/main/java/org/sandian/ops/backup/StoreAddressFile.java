package org.sandian.ops.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code <data-dir>/store.uri}: the connection string of a running hub's embedded store. The
 * embedded server lives inside the hub's JVM on a random loopback port and holds the H2 file, so a
 * separate {@code sandian backup} cannot open the file; it connects to this address instead.
 */
public final class StoreAddressFile {

    public static final String NAME = "store.uri";

    private StoreAddressFile() {
    }

    /** Writes the address; closing the result removes it again (call on hub stop). */
    public static AutoCloseable publish(Path dataDir, String connectionString) {
        Path file = dataDir.resolve(NAME);
        try {
            Files.createDirectories(dataDir);
            Path tmp = dataDir.resolve(NAME + ".tmp");
            Files.writeString(tmp, connectionString + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return () -> {
            // Only our own address: a newer hub on the same folder may have replaced it.
            if (read(dataDir).filter(connectionString::equals).isPresent()) Files.deleteIfExists(file);
        };
    }

    /** The published address, if a hub wrote one (it may be stale after a crash: ping it). */
    public static Optional<String> read(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        try {
            if (!Files.isRegularFile(file)) return Optional.empty();
            String uri = Files.readString(file, StandardCharsets.UTF_8).trim();
            return uri.startsWith("mongodb://") ? Optional.of(uri) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
