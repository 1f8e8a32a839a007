package org.sandian.content.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.sandian.content.testing.TestStore;

class StoreSyncTest {

    @Test
    void replacedChunksAreKeptOnlyAsLongAsTheSyncsNeedAndTheThreadStopsAtClose() throws Exception {
        Path file = TestStore.tempDir().resolve("sandian.mv.db");
        MVStore store = StoreFile.open(file);
        try {
            assertEquals(45_000, store.getFileStore().getRetentionTime(), "H2's default changed: look at StoreSync again");
            StoreSync sync = StoreSync.start(store);
            assertEquals(StoreSync.RETENTION_MILLIS, store.getFileStore().getRetentionTime());
            assertTrue(StoreSync.RETENTION_MILLIS >= 5 * StoreSync.PERIOD_MILLIS, "retention must cover several syncs");

            MVMap<Integer, String> map = store.openMap("m");
            map.put(1, "稻谷 paddy");
            store.commit();
            Thread.sleep(StoreSync.PERIOD_MILLIS + 200); // at least one sync ran alongside
            assertTrue(sync.isRunning());

            sync.close();
            assertFalse(sync.isRunning());
            map.put(2, "still open after the sync thread stopped");
            store.commit();
        } finally {
            store.close();
        }
        MVStore reopened = StoreFile.open(file);
        try {
            MVMap<Integer, String> map = reopened.openMap("m");
            assertEquals("稻谷 paddy", map.get(1));
            assertEquals("still open after the sync thread stopped", map.get(2));
        } finally {
            reopened.close();
        }
    }
}
