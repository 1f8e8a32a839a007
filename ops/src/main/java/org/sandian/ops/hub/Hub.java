package org.sandian.ops.hub;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.sandian.broadcast.subscriber.DirectoryOptions;
import org.sandian.broadcast.subscriber.SubscriberDirectory;
import org.sandian.broadcast.subscriber.SubscriberStore;
import org.sandian.content.answer.AnswerEngine;
import org.sandian.content.answer.AnswerVerticle;
import org.sandian.content.answer.HubAnswerService;
import org.sandian.content.answer.MongoQueryLog;
import org.sandian.content.demo.DemoData;
import org.sandian.content.snapshot.SnapshotHolder;
import org.sandian.content.snapshot.SnapshotLoader;
import org.sandian.content.store.ContentStores;
import org.sandian.content.store.Indexes;
import org.sandian.content.store.MongoStore;
import org.sandian.ops.config.HubConfig;
import org.sandian.ops.health.ComponentHealth;
import org.sandian.ops.health.HealthRegistry;
import org.sandian.ops.health.HealthRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One place lists everything that runs: the store, the answer engine, each channel, broadcasts and
 * the HTTP server. {@link #start} returns once every part is ready, or fails naming the part.
 */
public final class Hub {

    private static final Logger log = LoggerFactory.getLogger(Hub.class);

    private final Vertx vertx;
    private final MongoStore store;
    private final HttpServer http;
    private final HubConfig config;
    private final List<AutoCloseable> closeables;

    private Hub(Vertx vertx, MongoStore store, HttpServer http, HubConfig config, List<AutoCloseable> closeables) {
        this.vertx = vertx;
        this.store = store;
        this.http = http;
        this.config = config;
        this.closeables = closeables;
    }

    /** Starts a hub; with {@code demo}, an empty store gets the demo data first. Blocking: call from main. */
    public static Hub start(HubConfig config, boolean demo) {
        Clock clock = Clock.systemUTC();
        Vertx vertx = Vertx.vertx();
        List<AutoCloseable> closeables = new ArrayList<>();
        MongoStore store = MongoStore.open(config.store());
        try {
            StoreAccess.publish(config, store);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write " + StoreAccess.URI_FILE + " in " + config.dataDir(), e);
        }
        ContentStores content = new ContentStores(store);
        content.ensureIndexes();
        if (demo && content.isEmpty()) {
            DemoData demoData = DemoData.load(clock, config.zone());
            demoData.loadInto(content);
            log.info("demo data loaded: {} documents", demoData.size());
        }
        HealthRegistry health = new HealthRegistry();
        health.add("store", () -> vertx.executeBlocking(() -> store.ping()
                ? ComponentHealth.up(store.description()) : ComponentHealth.down(store.description() + " unreachable")));

        SnapshotHolder snapshot = new SnapshotHolder(vertx, new SnapshotLoader(content, clock));
        AnswerEngine engine = new AnswerEngine(snapshot, clock, config.zone());
        Indexes.ensure(store, MongoQueryLog.INDEXES);
        MongoQueryLog queryLog = new MongoQueryLog(store, clock);
        closeables.add(queryLog);
        HubAnswerService answers = new HubAnswerService(vertx, engine, queryLog, config.lang());
        await(vertx.deployVerticle(new AnswerVerticle(snapshot, answers)), "answer engine");
        await(vertx.deployVerticle(new SubscriberDirectory(new SubscriberStore(store),
                new DirectoryOptions(config.lang(), 200_000), clock)), "subscriber directory");
        health.add("content", () -> Future.succeededFuture(
                ComponentHealth.up(snapshot.get().commodities().size() + " commodities published")));

        Router router = Router.router(vertx);
        new HealthRoutes(health).mount(router);
        router.route("/console/*").subRouter(Console.router(vertx, config, store, content, clock));
        router.get("/console").handler(ctx -> ctx.redirect("/console/"));
        HttpServer http = await(vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
                .requestHandler(router).listen(config.httpPort(), "0.0.0.0"), "http server");
        return new Hub(vertx, store, http, config, closeables);
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get();
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException(what + " failed to start: " + cause.getMessage(), cause);
        }
    }

    public int httpPort() {
        return http.actualPort();
    }

    public int agiPort() {
        return 0;
    }

    /** The line operators and scripts wait for. */
    public String readyLine() {
        return "sandian ready http=" + httpPort() + " agi=" + agiPort() + " store=" + store.description();
    }

    public MongoStore store() {
        return store;
    }

    public Vertx vertx() {
        return vertx;
    }

    public void stop() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        } catch (Exception e) {
            log.warn("vert.x did not close cleanly: {}", e.toString());
        }
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("close failed: {}", e.toString());
            }
        }
        store.close();
        StoreAccess.withdraw(config);
    }
}
