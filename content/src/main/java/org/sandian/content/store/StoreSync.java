package org.sandian.content.store;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forces the embedded store's file to disk every {@link #PERIOD_MILLIS}. A commit only reaches the
 * OS's page cache; without this, Linux writes it out within about 30 s, so H2 must keep every
 * replaced chunk for 45 s (its default retention) before reusing the space, or a power cut could
 * leave a file whose new chunks were never written over old chunks already reused. Under SMS load
 * that kept tens of thousands of chunks (one per commit) and 2 to 3 GB of file, and H2's
 * housekeeping walks every chunk. With the file forced every second the retention can be
 * {@link #RETENTION_MILLIS}, and a power cut loses about the last second of writes, not the file.
 */
final class StoreSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreSync.class);

    static final long PERIOD_MILLIS = 1_000;
    /** How long H2 keeps replaced chunks: several sync periods, so a slow sync is covered too. */
    static final int RETENTION_MILLIS = 10_000;
    /** A sync slower than this eats into the retention's margin: say so. */
    private static final long SLOW_SYNC_MILLIS = RETENTION_MILLIS / 2;

    private final MVStore store;
    private final Thread thread;
    private volatile boolean closed;

    private StoreSync(MVStore store) {
        this.store = store;
        this.thread = new Thread(this::run, "store-sync");
        thread.setDaemon(true);
    }

    /** Sets the store's retention to match and starts syncing it until {@link #close()}. */
    static StoreSync start(MVStore store) {
        store.setRetentionTime(RETENTION_MILLIS);
        StoreSync sync = new StoreSync(store);
        sync.thread.start();
        return sync;
    }

    private void run() {
        while (true) {
            synchronized (this) {
                if (closed) return;
                try {
                    wait(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) return;
            }
            if (store.isClosed()) return;
            long start = System.nanoTime();
            try {
                store.sync();
            } catch (RuntimeException e) {
                if (store.isClosed()) return;
                log.warn("store file not synced to disk: {}", e.toString());
                continue;
            }
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            if (tookMillis > SLOW_SYNC_MILLIS) {
                log.warn("store file sync to disk took {} ms: the disk is slower than the hub writes", tookMillis);
            }
        }
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        // Not an interrupt: it would close the store's file channel in the middle of a sync.
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
