package org.sandian.channels.sms.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of mixed writes (inserts, updates, deletes) for the MT outbox: one unordered
 * bulkWrite per batch. Unlike content's insert-only {@code BatchWriter} it tells an insert that
 * was new from a duplicate (the outbox must send a re-sent id once), and it carries the state
 * updates of submits and receipts.
 */
public final class BulkBatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BulkBatcher.class);

    /** Outcome of one write: NEW (written), DUPLICATE (an insert whose _id existed). */
    public enum Outcome { NEW, DUPLICATE }

    private record Pending(WriteModel<Document> op, CompletableFuture<Outcome> done) {
    }

    private static final Pending END = new Pending(null, null);

    private final MongoCollection<Document> collection;
    private final String name;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    public BulkBatcher(MongoCollection<Document> collection, String name, int maxBatch) {
        this.collection = collection;
        this.name = name;
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::run, "bulk-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues one write; completes once stored. Never blocks. */
    public CompletableFuture<Outcome> write(WriteModel<Document> op) {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IllegalStateException("bulk batcher " + name + " is closed"));
        } else {
            queue.add(new Pending(op, done));
        }
        return done;
    }

    public int pending() {
        return queue.size();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        boolean end = false;
        while (!end) {
            try {
                Pending first = queue.take();
                if (first == END) break;
                batch.add(first);
                Pending next;
                while (batch.size() < maxBatch && (next = queue.poll(0, TimeUnit.MILLISECONDS)) != null) {
                    if (next == END) {
                        end = true;
                        break;
                    }
                    batch.add(next);
                }
                flush(batch);
            } catch (InterruptedException e) {
                // only close() ends us: keep draining
            } catch (RuntimeException e) {
                log.warn("bulk {}: a batch of {} failed: {}", name, batch.size(), e.toString());
                for (Pending p : batch) p.done().completeExceptionally(e);
            }
            batch.clear();
        }
    }

    private void flush(List<Pending> batch) {
        List<WriteModel<Document>> ops = new ArrayList<>(batch.size());
        for (Pending p : batch) ops.add(p.op());
        try {
            collection.bulkWrite(ops, new BulkWriteOptions().ordered(false));
            for (Pending p : batch) p.done().complete(Outcome.NEW);
        } catch (MongoBulkWriteException e) {
            Outcome[] outcome = new Outcome[batch.size()];
            RuntimeException[] errors = new RuntimeException[batch.size()];
            for (BulkWriteError err : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(err.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                    outcome[err.getIndex()] = Outcome.DUPLICATE;
                } else {
                    errors[err.getIndex()] = new IllegalStateException("bulk " + name + ": " + err.getMessage());
                }
            }
            for (int i = 0; i < batch.size(); i++) {
                if (errors[i] != null) batch.get(i).done().completeExceptionally(errors[i]);
                else batch.get(i).done().complete(outcome[i] != null ? outcome[i] : Outcome.NEW);
            }
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        queue.add(END);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
