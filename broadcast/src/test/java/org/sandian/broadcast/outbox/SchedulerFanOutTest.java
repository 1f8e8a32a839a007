package org.sandian.broadcast.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sandian.broadcast.audience.Audience;
import org.sandian.broadcast.audience.SubscriberSource;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.core.BroadcastState;
import org.sandian.broadcast.core.BroadcastStore;
import org.sandian.broadcast.schedule.Schedule;
import org.sandian.broadcast.testing.Await;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/** Two hubs over one store see the same occurrence still fanning out: only one of them writes its outbox. */
class SchedulerFanOutTest {

    @Test
    void twoHubsFanOutOneOccurrenceOnce() throws Exception {
        try (MongoStore mongo = TestStore.open()) {
            BroadcastStore broadcasts = new BroadcastStore(mongo);
            OccurrenceStore occurrences = new OccurrenceStore(mongo);
            Instant now = Instant.now();
            Broadcast b = new Broadcast("fan-once", "t", Map.of(Lang.ZH, "通知"), Map.of(), Set.of(Channel.SMS),
                    new Audience(List.of(), List.of(), List.of(), Set.of()), Schedule.now(), null, null,
                    BroadcastState.SENDING, "wang", null, "li", null, now, now, null, 1, 3);
            broadcasts.insert(b);
            String occ = Occurrence.idOf(b.id(), 1);
            occurrences.insert(new Occurrence(occ, b.id(), 1, now, null, OccurrenceState.FANNING_OUT, Map.of(), Map.of(),
                    0, List.of(), null, null, 0));

            AtomicInteger passes = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            SubscriberSource slow = visitor -> { // a fan-out in progress: holds until the test lets it end
                passes.incrementAndGet();
                try {
                    go.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            ExecutorService hubA = Executors.newSingleThreadExecutor();
            ExecutorService hubB = Executors.newSingleThreadExecutor();
            try {
                schedulerOn(mongo, broadcasts, occurrences, slow, hubA).tick();
                schedulerOn(mongo, broadcasts, occurrences, slow, hubB).tick();
                Await.until(() -> passes.get() >= 1);
                hubA.shutdown();
                hubB.shutdown();
                // The hub that lost the lease returns at once; without the lease both would be inside the fan-out.
                long until = System.currentTimeMillis() + 2_000;
                while (!hubA.isTerminated() && !hubB.isTerminated() && System.currentTimeMillis() < until) Thread.sleep(10);
                assertTrue(hubA.isTerminated() || hubB.isTerminated(), "one hub must leave the fan-out to the other");
                assertEquals(1, passes.get(), "one pass over the subscribers in the whole cluster");
            } finally {
                go.countDown();
                hubA.shutdown();
                hubB.shutdown();
                hubA.awaitTermination(10, TimeUnit.SECONDS);
                hubB.awaitTermination(10, TimeUnit.SECONDS);
            }
            assertNotEquals(OccurrenceState.FANNING_OUT, occurrences.find(occ).state(), "the fan-out completed once");
        }
    }

    private static Scheduler schedulerOn(MongoStore mongo, BroadcastStore broadcasts, OccurrenceStore occurrences,
                                         SubscriberSource source, ExecutorService executor) {
        ChunkStore chunks = new ChunkStore(mongo);
        OccurrenceCloser closer = new OccurrenceCloser(occurrences, broadcasts, Clock.systemUTC(), id -> { });
        return new Scheduler(broadcasts, occurrences, new FanOut(source, chunks, Set.of(Channel.SMS)), closer, executor,
                ZoneId.of("Asia/Shanghai"), Clock.systemUTC(), id -> { }, x -> { });
    }
}
