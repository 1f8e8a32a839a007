package org.sandian.content.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for inserts: many callers hand in documents, one daemon thread writes them as
 * {@code insertMany} batches (unordered), so one store commit carries many documents. On the
 * embedded store every write command is one disk commit (see {@code DurableH2Backend}), so this
 * is the difference between ~450 and ~10,000 durable documents per second; on a real MongoDB it
 * is the fast path too.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #write(Object)} never blocks (the queue is unbounded) and returns a future that
 *       completes normally once the document's batch has been acknowledged by the store, i.e. it
 *       is durable: acknowledge to your peer (SMSC, caller) only after that.</li>
 *   <li>Idempotent: a duplicate-key error for a document counts as written. Give documents a
 *       deterministic {@code _id} (or a unique key) and re-delivered messages or re-sent ids are
 *       stored once and still complete normally.</li>
 *   <li>Any other error completes that document's future exceptionally (the others of its batch
 *       are unaffected when the store reported per-document errors; a whole failed command, e.g.
 *       the store is down, fails every document of the batch). Nothing is retried here: retrying
 *       is safe for the caller because of the idempotence above.</li>
 *   <li>Batching: the writer takes the first waiting document, then gathers more until it has
 *       {@code maxBatch} or {@code maxDelay} has passed since it took the first, then writes.
 *       While one batch is being written the next ones queue up, so under load batches fill
 *       by themselves; {@code maxDelay} only bounds the extra wait at low load
 *       ({@link Duration#ZERO} is fine: write whatever is queued at once).</li>
 *   <li>Futures complete on the writer thread: keep callbacks short and non-blocking (on Vert.x,
 *       wrap with {@code Future.fromCompletionStage(f, context)} to come back to your context).</li>
 *   <li>{@link #close()} stops accepting documents, writes every queued one, then returns.
 *       A {@code write} after close fails with {@link IllegalStateException}.</li>
 * </ul>
 *
 * <pre>{@code
 * BatchWriter<InboundMessage> mo = new BatchWriter<>(store.collection("mo", InboundMessage.class),
 *         "mo", 500, Duration.ofMillis(5));
 * mo.write(message).whenComplete((ok, err) -> ...);   // respond to the SMSC when stored
 * }</pre>
 *
 * @param <T> the document type of the collection (a record mapped by the store's codecs)
 */
public final class BatchWriter<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

    private record Pending<T>(T doc, CompletableFuture<Void> done) {
    }

    /** Marks the end of the queue on close. */
    private static final Pending<Object> END = new Pending<>(null, null);

    private final MongoCollection<T> collection;
    private final String name;
    private final int maxBatch;
    private final long maxDelayNanos;
    private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private volatile boolean closed;

    /**
     * Starts the writer thread ({@code batch-writer-<name>}, a daemon).
     *
     * @param collection where documents go
     * @param name       for the thread name and logs, e.g. "mo"
     * @param maxBatch   at most this many documents per insertMany (100 to 1,000 is a good range)
     * @param maxDelay   at most this long a batch waits for more documents after its first one
     */
    public BatchWriter(MongoCollection<T> collection, String name, int maxBatch, Duration maxDelay) {
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        if (maxDelay.isNegative()) throw new IllegalArgumentException("maxDelay must not be negative");
        this.collection = Objects.requireNonNull(collection, "collection");
        this.name = Objects.requireNonNull(name, "name");
        this.maxBatch = maxBatch;
        this.maxDelayNanos = maxDelay.toNanos();
        this.thread = new Thread(this::run, "batch-writer-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues one document; the future completes once it is stored (or was already there). */
    public CompletableFuture<Void> write(T doc) {
        Objects.requireNonNull(doc, "doc");
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IllegalStateException("batch writer " + name + " is closed"));
            return done;
        }
        queue.add(new Pending<>(doc, done));
        return done;
    }

    /** Queues every document; the future completes once all are stored, or fails if any failed. */
    public CompletableFuture<Void> writeAll(List<T> docs) {
        CompletableFuture<?>[] all = new CompletableFuture<?>[docs.size()];
        for (int i = 0; i < all.length; i++) all[i] = write(docs.get(i));
        return CompletableFuture.allOf(all);
    }

    /** Documents queued and not yet written. */
    public int pending() {
        return queue.size();
    }

    /** Documents stored so far (duplicates included). */
    public long written() {
        return written.get();
    }

    /** Documents whose future failed so far. */
    public long failed() {
        return failed.get();
    }

    /** insertMany commands sent so far. */
    public long batches() {
        return batches.get();
    }

    /** Stops accepting documents, writes every queued one, waits for the writer thread to end. */
    @Override
    @SuppressWarnings("unchecked")
    public void close() {
        if (closed) return;
        closed = true;
        queue.add((Pending<T>) END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Pending<T>> batch = new ArrayList<>(maxBatch);
        boolean end = false;
        while (!end) {
            try {
                Pending<T> first = queue.take();
                if (first == END) break;
                batch.add(first);
                end = gather(batch);
                insert(batch);
            } catch (InterruptedException e) {
                // Only close() stops us: keep draining so no queued document is left behind.
            } catch (RuntimeException e) {
                fail(batch, e);
            }
            batch.clear();
        }
    }

    /** Adds documents to {@code batch} until full or maxDelay passed; true when END was met. */
    private boolean gather(List<Pending<T>> batch) throws InterruptedException {
        long deadline = System.nanoTime() + maxDelayNanos;
        while (batch.size() < maxBatch) {
            Pending<T> next = queue.poll();
            if (next == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                next = queue.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) return false;
            }
            if (next == END) return true;
            batch.add(next);
        }
        return false;
    }

    private void insert(List<Pending<T>> batch) {
        List<T> docs = new ArrayList<>(batch.size());
        for (Pending<T> p : batch) docs.add(p.doc());
        batches.incrementAndGet();
        try {
            collection.insertMany(docs, new InsertManyOptions().ordered(false));
            succeed(batch);
        } catch (MongoBulkWriteException e) {
            settle(batch, e);
        }
    }

    /** Per-document outcome of a partly failed batch: duplicates count as written. */
    private void settle(List<Pending<T>> batch, MongoBulkWriteException e) {
        RuntimeException[] errors = new RuntimeException[batch.size()];
        for (BulkWriteError error : e.getWriteErrors()) {
            if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                errors[error.getIndex()] = new IllegalStateException(
                        "batch writer " + name + ": " + error.getCode() + " " + error.getMessage());
            }
        }
        // A write-concern error means the store did not confirm durability of the rest.
        RuntimeException concern = e.getWriteConcernError() == null ? null
                : new IllegalStateException("batch writer " + name + ": write concern "
                        + e.getWriteConcernError().getMessage());
        int bad = 0;
        for (int i = 0; i < batch.size(); i++) {
            RuntimeException err = errors[i] != null ? errors[i] : concern;
            if (err == null) {
                written.incrementAndGet();
                batch.get(i).done().complete(null);
            } else {
                bad++;
                failed.incrementAndGet();
                batch.get(i).done().completeExceptionally(err);
            }
        }
        if (bad > 0) log.warn("batch writer {}: {} of {} documents failed", name, bad, batch.size());
    }

    private void succeed(List<Pending<T>> batch) {
        written.addAndGet(batch.size());
        for (Pending<T> p : batch) p.done().complete(null);
    }

    private void fail(List<Pending<T>> batch, RuntimeException e) {
        log.warn("batch writer {}: a batch of {} failed: {}", name, batch.size(), e.toString());
        failed.addAndGet(batch.size());
        for (Pending<T> p : batch) p.done().completeExceptionally(e);
    }
}
