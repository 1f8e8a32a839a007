package org.sandian.content.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's H2 file: opening it, and compacting it offline at start when it is large
 * and mostly dead space. Committing per write command leaves many old chunks behind (3.7 GB for
 * 100,000 single inserts measured here); the copy keeps only live data.
 */
final class StoreFile {

    private static final Logger log = LoggerFactory.getLogger(StoreFile.class);

    /** Below this size compaction is not worth the start-up time. */
    static final long COMPACT_ABOVE_BYTES = 32L * 1024 * 1024;

    /** Compact when less than this percentage of the file holds live data. */
    static final int COMPACT_BELOW_FILL_RATE = 50;

    /**
     * While running, H2 rewrites sparse chunks only once less than this percentage of the file is
     * live. Its default, 90, rewrote chunks about every second under SMS load, and each rewrite
     * stalled writes: p99 of bench sms at 1,000 MO/s went from 290-750 ms to 34-47 ms at 30. The
     * offline compaction at start ({@link #COMPACT_BELOW_FILL_RATE}) takes back the rest.
     */
    static final int RUNNING_COMPACT_FILL_RATE = 30;

    /**
     * H2's write buffer in KB; it also sizes each online compaction pass (a quarter of it while
     * the store is busy), which runs holding the store's lock. At H2's default (19 MB on a large
     * heap) one pass rewrote about 5 MB of pages and stopped every write for 0.5 to 1.3 s (JFR:
     * the background writer in {@code FileStore.compactRewrite} while MO writes waited): the worst
     * of bench sms's p99 at 1,000 MO/s. At 1 MB a busy pass rewrites 256 KB. We commit after every
     * write command, so the buffer itself never fills.
     */
    static final int WRITE_BUFFER_KB = 1024;

    /**
     * Keys per B-tree page (H2's default is 48). Every commit writes whole the pages it changed,
     * and under SMS load most commits change the last page of a few collections: with 8 keys those
     * pages are smaller, and bench sms at 1,000 MO/s wrote 440 to 530 MB to the file in 20 s
     * instead of 780 MB to 1 GB. Lookups go a few levels deeper, in pages that stay cached.
     */
    static final int KEYS_PER_PAGE = 8;

    /**
     * H2's page cache in MB (its default is 16). It holds pages read back from the file; a commit
     * drops the pages it wrote from memory, so under SMS load most of the cache is stale versions
     * waiting for eviction, which G1 copies at every young collection. With 4 MB, young pauses at
     * 1,000 MO/s went from 15-17 ms to 11-12 ms (median) and full-speed replies did not suffer
     * (3,410/s against 2,548 and 2,817); 2 MB was no better. Answers come from the in-memory
     * snapshot, not from this cache.
     */
    static final int CACHE_MB = 4;

    private StoreFile() {
    }

    static MVStore open(Path file) {
        compactIfWasteful(file, COMPACT_ABOVE_BYTES);
        return new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(RUNNING_COMPACT_FILL_RATE)
                .autoCommitBufferSize(WRITE_BUFFER_KB).keysPerPage(KEYS_PER_PAGE).cacheSize(CACHE_MB).open();
    }

    /**
     * Rewrites {@code file} with only its live data when it is larger than {@code aboveBytes} and
     * its fill rate is low. The copy replaces the file atomically; a copy left by a crash is
     * cleaned up first. Returns true when it compacted.
     */
    static boolean compactIfWasteful(Path file, long aboveBytes) {
        String name = file.toString();
        MVStoreTool.compactCleanUp(name);
        long before = size(file);
        if (before <= aboveBytes) return false;
        int fillRate = fillRate(file);
        if (fillRate >= COMPACT_BELOW_FILL_RATE) return false;
        long start = System.nanoTime();
        MVStoreTool.compact(name, false);
        log.info("store file compacted: {} MB -> {} MB (fill rate was {}%) in {} ms", before >> 20,
                size(file) >> 20, fillRate, (System.nanoTime() - start) / 1_000_000);
        return true;
    }

    private static int fillRate(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            // Share of the file in use by chunks, times the share of live pages in those chunks.
            return store.getFileStore().getFillRate() * store.getFileStore().getChunksFillRate() / 100;
        } finally {
            store.close();
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
