package org.sandian.content.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;

/**
 * Store figures on this machine: durable inserts through a {@link BatchWriter}, single inserts,
 * and keyed updates, on the embedded store in a fresh folder (or a given MongoDB URI). Meant for
 * {@code sandian bench store}; runnable alone:
 * {@code java -cp <content classpath> org.sandian.content.store.StoreBench [docs] [batch] [uri]}.
 */
public final class StoreBench {

    /** One figure: what was measured, how many operations, how long. */
    public record Figure(String what, long ops, long nanos) {
        public double perSecond() {
            return ops * 1e9 / nanos;
        }
    }

    private StoreBench() {
    }

    public static void main(String[] args) {
        int docs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        String uri = args.length > 2 ? args[2] : null;
        run(docs, batch, uri, System.out);
    }

    public static List<Figure> run(int docs, int batch, String uri, PrintStream out) {
        Path dir = tempDir();
        StoreOptions options = uri == null ? StoreOptions.embedded(dir) : new StoreOptions(uri, null, "sandian_bench_" + System.nanoTime());
        List<Figure> figures = new ArrayList<>();
        try (MongoStore store = MongoStore.open(options)) {
            MongoCollection<Document> c = store.collection("bench", Document.class);
            Path file = dir.resolve("sandian.mv.db");
            figures.add(batched(c, docs, batch));
            print(out, figures, store.isEmbedded() ? file : null);
            figures.add(single(c, Math.min(docs, 2_000)));
            print(out, figures, store.isEmbedded() ? file : null);
            figures.add(updates(c, Math.min(docs, 2_000)));
            print(out, figures, store.isEmbedded() ? file : null);
            if (uri != null) store.database().drop();
        } finally {
            deleteTree(dir);
        }
        return figures;
    }

    /** The last figure, and the embedded store's file size after it (replaced chunks are kept 10 s: StoreSync). */
    private static void print(PrintStream out, List<Figure> figures, Path file) {
        Figure f = figures.get(figures.size() - 1);
        out.printf("%-56s %,8d ops %,8.0f /s%s%n", f.what(), f.ops(), f.perSecond(),
                file == null ? "" : String.format("  file %,d MB", size(file) >> 20));
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document doc(long n) {
        return new Document("_id", "b" + n).append("phone", "+86138" + (10_000_000 + n % 90_000_000))
                .append("text", "价格 玉米 武汉 PRICE MAIZE WUHAN").append("state", "queued").append("n", n)
                .append("at", new java.util.Date());
    }

    /** 4 producers hand documents to one BatchWriter; each future completes when durable. */
    private static Figure batched(MongoCollection<Document> c, int docs, int batch) {
        long start = System.nanoTime();
        try (BatchWriter<Document> writer = new BatchWriter<>(c, "bench", batch, Duration.ofMillis(5))) {
            List<CompletableFuture<Void>> producers = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                int from = p;
                producers.add(CompletableFuture.runAsync(() -> {
                    List<CompletableFuture<Void>> mine = new ArrayList<>();
                    for (long n = from; n < docs; n += 4) mine.add(writer.write(doc(n)));
                    CompletableFuture.allOf(mine.toArray(CompletableFuture[]::new)).join();
                }));
            }
            CompletableFuture.allOf(producers.toArray(CompletableFuture[]::new)).join();
            return new Figure("BatchWriter durable inserts (batch " + batch + ", " + writer.batches() + " commands)",
                    docs, System.nanoTime() - start);
        }
    }

    private static Figure single(MongoCollection<Document> c, int n) {
        long start = System.nanoTime();
        for (long i = 0; i < n; i++) c.insertOne(doc(1_000_000_000L + i));
        return new Figure("insertOne, one durable commit each", n, System.nanoTime() - start);
    }

    private static Figure updates(MongoCollection<Document> c, int n) {
        long start = System.nanoTime();
        for (long i = 0; i < n; i++) c.updateOne(Filters.eq("_id", "b" + i), Updates.set("state", "sent"));
        return new Figure("updateOne by _id, one durable commit each", n, System.nanoTime() - start);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("sandian-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
