package org.sandian.broadcast.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sandian.broadcast.audience.Audience;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.core.BroadcastDraft;
import org.sandian.broadcast.core.BroadcastOptions;
import org.sandian.broadcast.core.Officer;
import org.sandian.broadcast.schedule.Schedule;
import org.sandian.broadcast.subscriber.SubscriberStore;
import org.sandian.broadcast.testing.Await;
import org.sandian.broadcast.testing.Farmers;
import org.sandian.content.answer.Channel;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.model.Lang;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/**
 * An SMS channel that takes its whole timeout to answer keeps the sender waiting for its window
 * longer than the lease: the sender must renew while it waits, or another hub takes the chunk over
 * and both send it.
 */
class SlowChannelLeaseTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aSenderWaitingOnAFullWindowKeepsItsLease() throws Exception {
        long lease = 600;
        MongoStore mongo = TestStore.open();
        Vertx vertx = Vertx.vertx();
        BroadcastEngine engine = null;
        try {
            MessageTypes.register(vertx.eventBus());
            AtomicInteger asked = new AtomicInteger();
            vertx.eventBus().consumer(Addresses.SMS_SEND, m -> asked.incrementAndGet()); // never answers
            Farmers.add(new SubscriberStore(mongo), "+86135", 3, "429005102001", Lang.ZH, List.of());
            engine = new BroadcastEngine(mongo, new EngineOptions(new BroadcastOptions(SHANGHAI, false, 0.05),
                    new SenderOptions(1, 1, lease, Map.of(Channel.SMS, 100.0), SHANGHAI), 50), Clock.systemUTC(), Map.of());
            vertx.deployVerticle(engine).await();
            Officer admin = new Officer("root", "admin", null);
            Broadcast b = engine.service().create(admin, new BroadcastDraft("慢", Map.of(Lang.ZH, "通知"), Set.of(Channel.SMS),
                    new Audience(List.of("429005102000"), List.of(), List.of(), Set.of()), Schedule.now(), null, null));
            engine.service().submit(admin, b.id());
            Await.until(() -> asked.get() == 1);

            Thread.sleep(4 * lease); // the window stays full: one message in flight, never answered
            long now = System.currentTimeMillis();
            String chunk = EntryKey.chunkId(Occurrence.idOf(b.id(), 1), Channel.SMS, 0);
            assertNull(engine.chunks().claim(chunk, "other-hub", now, now + lease), "the waiting sender still holds its chunk");
            assertEquals(1, asked.get(), "nothing else was sent meanwhile");
        } finally {
            if (engine != null && engine.sender() != null) engine.sender().halt(); // the message in flight would be waited for
            vertx.close().await();
            mongo.close();
        }
    }
}
