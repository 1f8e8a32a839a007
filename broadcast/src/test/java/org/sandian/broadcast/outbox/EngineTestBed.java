package org.sandian.broadcast.outbox;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.core.BroadcastDraft;
import org.sandian.broadcast.core.BroadcastOptions;
import org.sandian.broadcast.core.Officer;
import org.sandian.broadcast.subscriber.SubscriberStore;
import org.sandian.broadcast.testing.SmsSendRecorder;
import org.sandian.content.answer.Channel;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/**
 * What the engine's tests stand on: one embedded store per test class (tests keep apart by
 * township), a fresh Vert.x per start with the SMS channel's place taken by a recorder, and an
 * editor and a reviewer of 潜江.
 */
abstract class EngineTestBed {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Officer EDITOR = new Officer("wang", "editor", "429005000000");
    static final Officer REVIEWER = new Officer("li", "reviewer", "429005000000");

    static MongoStore mongo;
    static SubscriberStore subscribers;
    Vertx vertx;
    BroadcastEngine engine;

    @BeforeAll
    static void openStore() {
        mongo = TestStore.open();
        subscribers = new SubscriberStore(mongo);
    }

    @AfterAll
    static void closeStore() {
        mongo.close();
    }

    @AfterEach
    void stopVertx() {
        if (vertx != null) vertx.close().await();
    }

    /** Starts (or starts again, after {@code vertx.close()}) an engine sending SMS at {@code tps} into {@code recorder}. */
    void startEngine(SmsSendRecorder recorder, Clock clock, double tps, long tickMillis, long leaseMillis) {
        vertx = Vertx.vertx();
        MessageTypes.register(vertx.eventBus());
        recorder.attach(vertx);
        EngineOptions options = new EngineOptions(new BroadcastOptions(SHANGHAI, true, 0.05),
                new SenderOptions(2, 50, leaseMillis, Map.of(Channel.SMS, tps), SHANGHAI), tickMillis);
        engine = new BroadcastEngine(mongo, options, clock, Map.of());
        vertx.deployVerticle(engine).await();
    }

    /** Created by the editor, submitted and approved by the reviewer. */
    Broadcast approved(BroadcastDraft draft) {
        Broadcast b = engine.service().create(EDITOR, draft);
        engine.service().submit(EDITOR, b.id());
        return engine.service().approve(REVIEWER, b.id());
    }
}
