package org.sandian.channels.sms.dialogue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.sandian.content.answer.AnswerEngine;
import org.sandian.content.answer.AnswerVerticle;
import org.sandian.content.answer.HubAnswerService;
import org.sandian.content.answer.QueryLog;
import org.sandian.content.demo.DemoData;
import org.sandian.content.model.Lang;
import org.sandian.content.snapshot.SnapshotHolder;
import org.sandian.content.snapshot.SnapshotLoader;
import org.sandian.content.store.ContentStores;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/**
 * The real answer engine on a real event bus, over the embedded store filled with the demo data,
 * on a fixed day (2026-11-22 in Shanghai) so dates in replies are known.
 */
final class AnswerHub implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZONE);

    final Vertx vertx;
    final MongoStore store;

    private AnswerHub(Vertx vertx, MongoStore store) {
        this.vertx = vertx;
        this.store = store;
    }

    static AnswerHub start() {
        Vertx vertx = Vertx.vertx();
        MongoStore store = TestStore.open();
        ContentStores content = new ContentStores(store);
        DemoData.load(CLOCK, ZONE).lastDays(2).loadInto(content); // latest price and its change suffice
        SnapshotHolder snapshot = new SnapshotHolder(vertx, new SnapshotLoader(content, CLOCK));
        AnswerEngine engine = new AnswerEngine(snapshot, CLOCK, ZONE);
        HubAnswerService answers = new HubAnswerService(vertx, engine, QueryLog.NONE, Lang.ZH);
        await(vertx.deployVerticle(new AnswerVerticle(snapshot, answers)));
        return new AnswerHub(vertx, store);
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        await(vertx.close());
        store.close();
    }
}
