package org.sandian.broadcast.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers entry state changes (from senders and from the channels' status events) and writes
 * them chunk by chunk: one keyed update per chunk carries all its changes since the last flush,
 * instead of one write per message. Flushes every {@code periodMillis} on its own daemon thread,
 * and on demand ({@link #flush(String)}) before a chunk is marked done.
 */
public final class StateWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StateWriter.class);

    private static final class Pending {
        final Map<Integer, Integer> states = new HashMap<>();
        final Map<Integer, String> errors = new HashMap<>();
        int next;
    }

    private final ChunkStore store;
    private final long periodMillis;
    private final Thread thread;
    private Map<String, Pending> pending = new HashMap<>();
    private volatile boolean running = true;

    public StateWriter(ChunkStore store, long periodMillis) {
        this.store = store;
        this.periodMillis = periodMillis;
        this.thread = new Thread(this::run, "broadcast-state-writer");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void record(EntryKey key, EntryState state, String error) {
        Pending p = pending.computeIfAbsent(key.chunkId(), k -> new Pending());
        p.states.merge(key.index(), state.code, Math::max);
        if (error != null) p.errors.put(key.index(), error);
    }

    /** Every entry of the chunk before {@code next} has been handed over. */
    public synchronized void progress(String chunkId, int next) {
        Pending p = pending.computeIfAbsent(chunkId, k -> new Pending());
        p.next = Math.max(p.next, next);
    }

    /** Writes what is pending for one chunk now (blocking). */
    public void flush(String chunkId) {
        Pending p;
        synchronized (this) {
            p = pending.remove(chunkId);
        }
        if (p != null) store.apply(chunkId, p.states, p.errors, p.next);
    }

    /** Writes everything pending now (blocking). */
    public void flushAll() {
        Map<String, Pending> batch;
        synchronized (this) {
            batch = pending;
            pending = new HashMap<>();
        }
        for (Map.Entry<String, Pending> e : batch.entrySet()) {
            Pending p = e.getValue();
            try {
                store.apply(e.getKey(), p.states, p.errors, p.next);
            } catch (RuntimeException ex) {
                log.warn("entry states of {} not written, retrying: {}", e.getKey(), ex.toString());
                synchronized (this) {
                    Pending now = pending.computeIfAbsent(e.getKey(), k -> new Pending());
                    p.states.forEach((i, s) -> now.states.merge(i, s, Math::max));
                    p.errors.forEach(now.errors::putIfAbsent);
                    now.next = Math.max(now.next, p.next);
                }
            }
        }
    }

    private void run() {
        while (running) {
            try {
                TimeUnit.MILLISECONDS.sleep(periodMillis);
            } catch (InterruptedException e) {
                if (!running) break;
            }
            flushAll();
        }
    }

    /** Stops the thread after writing what is pending. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushAll();
    }

    /** Stops without writing (a simulated crash in tests). */
    public void halt() {
        running = false;
        thread.interrupt();
        synchronized (this) {
            pending = new HashMap<>();
        }
    }
}
