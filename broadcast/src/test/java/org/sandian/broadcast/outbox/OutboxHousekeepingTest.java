package org.sandian.broadcast.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.sandian.broadcast.audience.Audience;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.core.BroadcastDraft;
import org.sandian.broadcast.core.BroadcastState;
import org.sandian.broadcast.schedule.QuietHours;
import org.sandian.broadcast.schedule.Schedule;
import org.sandian.broadcast.testing.Await;
import org.sandian.broadcast.testing.Farmers;
import org.sandian.broadcast.testing.SmsSendRecorder;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;

/**
 * What the outbox costs once a broadcast is under way or over: lease documents of finished
 * occurrences are purged (and nothing is claimed or sent again after), and idle senders do not
 * re-read the occurrences (store reads counted by the driver's command listener).
 */
class OutboxHousekeepingTest extends EngineTestBed {

    private final SmsSendRecorder recorder = new SmsSendRecorder().withReceipts();

    private void start(double tps, long tickMillis) {
        startEngine(recorder, Clock.systemUTC(), tps, tickMillis, 5_000);
    }

    private Broadcast approved(String township) {
        return approved(township, null);
    }

    private Broadcast approved(String township, QuietHours quiet) {
        return approved(new BroadcastDraft("油菜追肥", Map.of(Lang.ZH, "油菜追肥提醒"),
                Set.of(Channel.SMS), new Audience(List.of(township), List.of(), List.of(), Set.of()), Schedule.now(),
                quiet, null));
    }

    private static boolean claimed(String id) {
        return mongo.collection("outbox_claims", Document.class).find(Filters.eq("_id", id)).first() != null;
    }

    private int received(List<String> phones) {
        int n = 0;
        for (String p : phones) n += recorder.idsByPhone.getOrDefault(p, Set.of()).size();
        return n;
    }

    @Test
    void leasesOfAFinishedOccurrenceArePurgedAfterTheGraceAndNothingIsClaimedOrSentAgain() throws InterruptedException {
        List<String> phones = Farmers.add(subscribers, "+86152", 1_500, "429005110001", Lang.ZH, List.of());
        List<String> later = Farmers.add(subscribers, "+86153", 300, "429005111001", Lang.ZH, List.of());
        start(2_000, 50);
        Broadcast b = approved("429005110000");
        Await.until(() -> engine.service().find(EDITOR, b.id()).state() == BroadcastState.DONE);
        String occ = Occurrence.idOf(b.id(), 1);
        Occurrence done = engine.occurrences().find(occ);
        assertEquals(2, done.totalChunks());
        assertTrue(claimed(ChunkStore.fanOutId(occ)) && claimed(EntryKey.chunkId(occ, Channel.SMS, 1)));

        // A second broadcast still sending (held by quiet hours around now) keeps its leases whatever the grace.
        LocalTime local = LocalTime.now(SHANGHAI);
        Broadcast held = approved("429005111000", new QuietHours(local.minusHours(1), local.plusHours(1)));
        String heldOcc = Occurrence.idOf(held.id(), 1);
        Await.until(() -> engine.occurrences().find(heldOcc) != null
                && engine.occurrences().find(heldOcc).state() == OccurrenceState.SENDING);

        assertEquals(0, engine.purgeClaims(done.finishedAt()), "finished within the grace: kept");
        assertEquals(3, engine.purgeClaims(Instant.now().plusSeconds(60)), "two chunk leases and the fan-out's");
        assertFalse(claimed(ChunkStore.fanOutId(occ)));
        assertFalse(claimed(EntryKey.chunkId(occ, Channel.SMS, 0)));
        assertFalse(claimed(EntryKey.chunkId(occ, Channel.SMS, 1)));
        assertTrue(claimed(ChunkStore.fanOutId(heldOcc)), "a sending occurrence's fan-out lease is kept");
        assertEquals(0, engine.purgeClaims(Instant.now().plusSeconds(60)), "once");

        Thread.sleep(1_000);
        assertFalse(claimed(EntryKey.chunkId(occ, Channel.SMS, 0)), "no sender claims a chunk of a finished occurrence");
        assertEquals(1_500, received(phones));
        assertEquals(0, recorder.phonesWithDuplicates());
        // the chunks stay: they are the delivery report
        Progress p = new OutboxReports(engine.chunks(), engine.occurrences(), Clock.systemUTC()).progress(occ);
        assertEquals(1_500, p.count(EntryState.SUBMITTED) + p.count(EntryState.DELIVERED));

        // A restarted node finds it purged (its fan-out lease is gone) and deletes nothing.
        vertx.close().await();
        start(2_000, 50);
        assertEquals(0, engine.purgeClaims(Instant.now().plusSeconds(60)));
        assertTrue(claimed(ChunkStore.fanOutId(heldOcc)));
        assertEquals(0, received(later), "held by quiet hours");
    }

    @Test
    void idleSendersDoNotReReadTheOccurrences() throws InterruptedException {
        SimpleMeterRegistry reads = new SimpleMeterRegistry();
        Metrics.addRegistry(reads); // the store's driver times every command in the global registry
        try {
            List<String> phones = Farmers.add(subscribers, "+86154", 50, "429005112001", Lang.ZH, List.of());
            start(2_000, 0); // no scheduler thread: it scans occurrences each tick by design
            Broadcast b = approved("429005112000");
            engine.scheduler().tick();
            Await.until(() -> engine.service().find(EDITOR, b.id()).state() == BroadcastState.DONE);
            assertEquals(50, received(phones));
            Thread.sleep(300); // the refresh that the end of the occurrence announced
            long before = occurrenceReads(reads);
            Thread.sleep(3_000);
            long during = occurrenceReads(reads) - before;
            assertTrue(during <= 1, during + " reads of occurrences in 3 s while idle");
        } finally {
            Metrics.removeRegistry(reads);
        }
    }

    private static long occurrenceReads(SimpleMeterRegistry reads) {
        return reads.find("mongodb.driver.commands").tag("collection", "occurrences").tag("command", "find")
                .timers().stream().mapToLong(Timer::count).sum();
    }
}
