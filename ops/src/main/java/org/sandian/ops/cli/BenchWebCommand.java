package org.sandian.ops.cli;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.sandian.channels.web.WebChannel;
import org.sandian.channels.web.WebOptions;
import org.sandian.content.answer.AnswerEngine;
import org.sandian.content.answer.AnswerService;
import org.sandian.content.answer.AnswerVerticle;
import org.sandian.content.answer.HubAnswerService;
import org.sandian.content.answer.QueryLog;
import org.sandian.content.demo.DemoData;
import org.sandian.content.model.Lang;
import org.sandian.content.snapshot.SnapshotHolder;
import org.sandian.content.snapshot.SnapshotLoader;
import org.sandian.content.store.ContentStores;
import org.sandian.content.store.MongoStore;
import org.sandian.content.store.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sandian bench web}: the public web router on loopback with the demo content, loaded by N
 * keep-alive connections in this JVM (nothing else to install): first the home page, then a price
 * page, each for a few seconds after a warm-up. Requests ask for gzip, as phones do. Ends with
 * {@code RESULT home_rps=... price_rps=... p99_ms=...}.
 */
@Command(name = "web", mixinStandardHelpOptions = true,
        description = "Load the public home and price pages over loopback; prints requests/s and p99 latency.")
public final class BenchWebCommand implements Callable<Integer> {

    @Option(names = "--connections", description = "concurrent keep-alive connections (default ${DEFAULT-VALUE})")
    int connections = 64;

    @Option(names = "--seconds", description = "seconds of load per page, after a warm-up (default ${DEFAULT-VALUE})")
    int seconds = 10;

    @Option(names = "--server-threads", description = "event loops serving HTTP (default: half the cores, at least 1)")
    int serverThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int WARM_UP_SECONDS = 4;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("sandian-bench-web-");
        Clock clock = Clock.systemUTC();
        Vertx server = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(serverThreads));
        Vertx client = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(
                Math.max(1, Runtime.getRuntime().availableProcessors() - serverThreads)));
        try (MongoStore store = MongoStore.open(StoreOptions.embedded(dir))) {
            ContentStores stores = new ContentStores(store);
            System.out.println("loading demo content into an embedded store in " + dir + " ...");
            DemoData.load(clock, ZONE).loadInto(stores);
            SnapshotHolder snapshot = new SnapshotHolder(server, new SnapshotLoader(stores, clock));
            AnswerEngine engine = new AnswerEngine(snapshot, clock, ZONE);
            await(server.deployVerticle(new AnswerVerticle(snapshot,
                    new HubAnswerService(server, engine, QueryLog.NONE, Lang.ZH))));
            int port = freePort();
            WebOptions options = WebOptions.defaults("bench-secret-not-for-production");
            await(server.deployVerticle(() -> new WebServer(options, snapshot, clock, port),
                    new DeploymentOptions().setInstances(serverThreads)));
            String market = snapshot.get().markets().iterator().next().id();
            String pricePath = "/prices/104";
            System.out.printf("web router on 127.0.0.1:%d (%d event loops), %d connections, %d s per page%n",
                    port, serverThreads, connections, seconds);

            HttpClient http = client.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                    .setDefaultHost("127.0.0.1").setDefaultPort(port), new PoolOptions().setHttp1MaxSize(connections));
            // Warm-up: the JIT compiles the serving path; each page is rendered once and cached.
            Load warm = run(http, "/", WARM_UP_SECONDS);
            Load warmPrice = run(http, pricePath, WARM_UP_SECONDS);
            System.out.printf("warm-up: %d + %d requests%n", warm.count, warmPrice.count);
            Load home = run(http, "/", seconds);
            Load price = run(http, pricePath, seconds);
            Load history = run(http, pricePath + "/" + market, Math.max(2, seconds / 2));
            report("home        /", home);
            report("price       " + pricePath, price);
            report("history     " + pricePath + "/" + market, history);
            long p99 = Math.max(home.percentile(99), price.percentile(99));
            System.out.printf("RESULT home_rps=%.0f price_rps=%.0f p99_ms=%.1f%n", home.rps(), price.rps(),
                    p99 / 1_000_000.0);
            await(http.close());
        } finally {
            await(client.close());
            await(server.close());
        }
        return 0;
    }

    /** The web router alone on its own HttpServer; several instances share the port. */
    private static final class WebServer extends VerticleBase {
        private final WebOptions options;
        private final SnapshotHolder snapshot;
        private final Clock clock;
        private final int port;

        WebServer(WebOptions options, SnapshotHolder snapshot, Clock clock, int port) {
            this.options = options;
            this.snapshot = snapshot;
            this.clock = clock;
            this.port = port;
        }

        @Override
        public Future<?> start() {
            Router root = Router.router(vertx);
            root.route("/*").subRouter(WebChannel.router(vertx, options, snapshot, AnswerService.proxy(vertx), clock));
            return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
                    .requestHandler(root).listen(port, "127.0.0.1");
        }
    }

    /** N request loops on one path for {@code secs} seconds: each sends the next request when the last ends. */
    private Load run(HttpClient http, String path, int secs) throws Exception {
        Load load = new Load();
        AtomicBoolean stop = new AtomicBoolean();
        Promise<Void> done = Promise.promise();
        AtomicLong running = new AtomicLong(connections);
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) loop(http, path, load, stop, running, done);
        Thread.sleep(secs * 1000L);
        stop.set(true);
        await(done.future());
        load.elapsedNanos = System.nanoTime() - start;
        return load;
    }

    private void loop(HttpClient http, String path, Load load, AtomicBoolean stop, AtomicLong running, Promise<Void> done) {
        if (stop.get()) {
            if (running.decrementAndGet() == 0) done.tryComplete();
            return;
        }
        long t0 = System.nanoTime();
        http.request(new RequestOptions().setMethod(HttpMethod.GET).setURI(path).addHeader("Accept-Encoding", "gzip"))
                .compose(req -> req.send().compose(res -> res.body().map(b -> res.statusCode())))
                .onComplete(r -> {
                    if (r.succeeded() && r.result() == 200) load.record(System.nanoTime() - t0);
                    else load.errors.incrementAndGet();
                    loop(http, path, load, stop, running, done);
                });
    }

    private static void report(String what, Load l) {
        System.out.printf("%-40s %8d req %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d%n", what, l.count,
                l.rps(), l.percentile(50) / 1e6, l.percentile(99) / 1e6, l.errors.get());
    }

    /** Latencies of one run, in nanoseconds. */
    private static final class Load {
        private long[] latencies = new long[1 << 16];
        int count;
        long elapsedNanos;
        final AtomicLong errors = new AtomicLong();

        synchronized void record(long nanos) {
            if (count == latencies.length) latencies = Arrays.copyOf(latencies, count * 2);
            latencies[count++] = nanos;
        }

        double rps() {
            return count / (elapsedNanos / 1e9);
        }

        synchronized long percentile(int p) {
            if (count == 0) return 0;
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            return sorted[Math.min(count - 1, (int) Math.ceil(p / 100.0 * count) - 1)];
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }
}
