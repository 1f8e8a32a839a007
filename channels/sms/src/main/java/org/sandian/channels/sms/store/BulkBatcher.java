package org.sandian.channels.sms.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of mixed writes (inserts, updates, deletes) for the MT outbox: one unordered
 * bulkWrite per batch. Unlike content's insert-only {@code BatchWriter} it tells an insert that
 * was new from a duplicate (the outbox must send a re-sent id once), and it carries the state
 * updates of submits and receipts. Field updates of one document that wait in the same batch
 * ({@link #set}: a part's submit and its receipt, often a millisecond apart) are written as one
 * update, later values winning, as if applied in turn.
 */
public final class BulkBatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BulkBatcher.class);

    /** Outcome of one write: NEW (written), DUPLICATE (an insert whose _id existed). */
    public enum Outcome { NEW, DUPLICATE }

    /** An op, or a $set of fields on the document with _id {@code setId}. */
    private record Pending(WriteModel<Document> op, String setId, Document fields, CompletableFuture<Outcome> done) {
    }

    private static final Pending END = new Pending(null, null, null, null);

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
        return queue(new Pending(op, null, null, new CompletableFuture<>()));
    }

    /** Queues a $set of these fields on the document with this _id; completes once stored. Never blocks. */
    public CompletableFuture<Outcome> set(String id, Document fields) {
        return queue(new Pending(null, id, fields, new CompletableFuture<>()));
    }

    private CompletableFuture<Outcome> queue(Pending p) {
        if (closed) {
            p.done().completeExceptionally(new IllegalStateException("bulk batcher " + name + " is closed"));
        } else {
            queue.add(p);
        }
        return p.done();
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
        int[] opOf = new int[batch.size()];
        Map<String, Document> sets = new HashMap<>();
        Map<String, Integer> setAt = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            if (p.setId() == null) {
                opOf[i] = ops.size();
                ops.add(p.op());
                continue;
            }
            Document fields = sets.get(p.setId());
            if (fields == null) {
                sets.put(p.setId(), new Document(p.fields()));
                setAt.put(p.setId(), ops.size());
                ops.add(null); // filled below, once every $set of the document is merged
            } else {
                fields.putAll(p.fields());
            }
            opOf[i] = setAt.get(p.setId());
        }
        setAt.forEach((id, at) -> ops.set(at, new UpdateOneModel<>(new BsonDocument("_id", new BsonString(id)),
                new Document("$set", sets.get(id)))));
        try {
            collection.bulkWrite(ops, new BulkWriteOptions().ordered(false));
            for (Pending p : batch) p.done().complete(Outcome.NEW);
        } catch (MongoBulkWriteException e) {
            Outcome[] outcome = new Outcome[ops.size()];
            RuntimeException[] errors = new RuntimeException[ops.size()];
            for (BulkWriteError err : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(err.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                    outcome[err.getIndex()] = Outcome.DUPLICATE;
                } else {
                    errors[err.getIndex()] = new IllegalStateException("bulk " + name + ": " + err.getMessage());
                }
            }
            for (int i = 0; i < batch.size(); i++) {
                int op = opOf[i];
                if (errors[op] != null) batch.get(i).done().completeExceptionally(errors[op]);
                else batch.get(i).done().complete(outcome[op] != null ? outcome[op] : Outcome.NEW);
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
