package org.sandian.channels.sms.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/** Two hubs' outboxes over one store: a live hub's queue stays its own, a dead hub's is adopted once. */
class OutboxAdoptionTest {

    private static final Duration DEAD_AFTER = Duration.ofSeconds(20);
    private final MongoStore store = TestStore.open();
    private final MtOutbox[] outboxes = new MtOutbox[3];

    @AfterEach
    void close() {
        for (MtOutbox o : outboxes) if (o != null) o.close();
        store.close();
    }

    private MtOutbox outbox(int i) throws InterruptedException {
        Thread.sleep(2); // run ids are start times in ms
        outboxes[i] = new MtOutbox(store.collection("sms_mt", Document.class),
                store.collection("sms_receipts_index", Document.class),
                store.collection("sms_orphan_receipts", Document.class), s -> { }, Clock.systemUTC(), 4);
        return outboxes[i];
    }

    private OutboxOwners owners(MtOutbox outbox, Instant now) {
        return new OutboxOwners(store.collection(OutboxOwners.COLLECTION, Document.class), outbox.run(),
                Clock.fixed(now, ZoneOffset.UTC), DEAD_AFTER);
    }

    @Test
    void aDeadHubsQueuedMtsAreAdoptedByOneHubOnly() throws Exception {
        Instant t0 = Instant.parse("2026-12-02T08:00:00Z");
        MtOutbox a = outbox(0);
        owners(a, t0).beat();
        for (int i = 0; i < 5; i++) {
            a.send(new OutboundSms("bc-" + i, "+861380000000" + i, "霜冻预警", OutboundSms.Priority.BULK, "broadcast")).get();
        }
        MtOutbox b = outbox(1);
        MtOutbox c = outbox(2);

        OutboxOwners bOwners = owners(b, t0.plusSeconds(10));
        bOwners.beat();
        assertEquals(List.of(), bOwners.claimDead(), "a beat 10 s ago: alive");
        assertEquals(0, b.adopt(bOwners.claimDead(), false));

        OutboxOwners bLater = owners(b, t0.plusSeconds(30));
        bLater.beat();
        List<String> claimed = bLater.claimDead();
        assertEquals(List.of(a.run()), claimed, "no beat for 30 s: dead, and claimed by b");
        assertEquals(5, b.adopt(claimed, false));
        assertEquals(5, b.queued(), "a's five MTs wait in b's queue");

        OutboxOwners cOwners = owners(c, t0.plusSeconds(31));
        cOwners.beat();
        assertTrue(cOwners.claimDead().isEmpty(), "b's beat is fresh and a's was claimed already");
        assertEquals(0, c.adopt(List.of(a.run()), false), "a's MTs are b's now");
        assertEquals(5, store.collection("sms_mt", Document.class).countDocuments(new Document("node", b.run())));
    }
}
