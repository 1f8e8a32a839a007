package org.sandian.content.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sandian.content.store.MongoStore;
import org.sandian.content.store.StoreOptions;

/**
 * A store for tests: the embedded server on a fresh temporary folder, or the external MongoDB named
 * by {@code SANDIAN_TEST_MONGO_URI} (a fresh database per call), so the same tests check a real
 * deployment with one command.
 */
public final class TestStore {

    private TestStore() {
    }

    public static MongoStore open() {
        String uri = System.getenv("SANDIAN_TEST_MONGO_URI");
        if (uri != null && !uri.isBlank()) {
            return MongoStore.open(new StoreOptions(uri, null, "sandian_test_" + System.nanoTime()));
        }
        return MongoStore.open(StoreOptions.embedded(tempDir()));
    }

    public static Path tempDir() {
        try {
            return Files.createTempDirectory("sandian-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
