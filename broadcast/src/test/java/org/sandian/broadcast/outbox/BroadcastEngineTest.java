package org.sandian.broadcast.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sandian.broadcast.testing.Await;
import org.sandian.broadcast.audience.Audience;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.core.BroadcastDraft;
import org.sandian.broadcast.core.BroadcastException;
import org.sandian.broadcast.core.BroadcastState;
import org.sandian.broadcast.core.Officer;
import org.sandian.broadcast.schedule.QuietHours;
import org.sandian.broadcast.schedule.Schedule;
import org.sandian.broadcast.testing.Farmers;
import org.sandian.broadcast.testing.SmsSendRecorder;
import org.sandian.content.answer.Channel;
import org.sandian.content.bus.Addresses;
import org.sandian.content.model.Lang;
import org.sandian.content.testing.MutableClock;

/**
 * Broadcasts end to end over the real bus and the embedded store, counted where the SMS channel
 * takes them ({@code SMS_SEND}). Each test uses its own township so tests share one store.
 */
class BroadcastEngineTest extends EngineTestBed {

    private SmsSendRecorder recorder;

    private void start(Clock clock, double tps, long tickMillis, long leaseMillis) {
        if (recorder == null) recorder = new SmsSendRecorder().withReceipts();
        startEngine(recorder, clock, tps, tickMillis, leaseMillis);
    }

    private static BroadcastDraft draft(String township, Schedule schedule, QuietHours quiet, Duration validFor,
                                        List<String> crops, Set<Lang> langs) {
        return new BroadcastDraft("油菜追肥", Map.of(Lang.ZH, "油菜追肥提醒", Lang.EN, "Top-dress rapeseed now"),
                Set.of(Channel.SMS), new Audience(List.of(township), crops, List.of(), langs), schedule, quiet, validFor);
    }

    private record Run(Broadcast broadcast, List<String> phones) {
    }

    /** {@code n} farmers in a village of {@code township}, and an approved broadcast to them sending at {@code tps}. */
    private Run running(String phonePrefix, String township, int n, double tps) {
        List<String> phones = Farmers.add(subscribers, phonePrefix, n, township + "001", Lang.ZH, List.of());
        start(Clock.systemUTC(), tps, 50, 5_000);
        return new Run(approved(draft(township + "000", Schedule.now(), null, null, List.of(), Set.of())), phones);
    }

    private Occurrence occurrence(Broadcast b, int n) {
        return engine.occurrences().find(Occurrence.idOf(b.id(), n));
    }

    private Progress progress(Broadcast b) {
        return new OutboxReports(engine.chunks(), engine.occurrences(), Clock.systemUTC()).progress(Occurrence.idOf(b.id(), 1));
    }

    private int received(List<String> phones) {
        int n = 0;
        for (String p : phones) n += recorder.idsByPhone.getOrDefault(p, Set.of()).size();
        return n;
    }

    @Test
    void rapeseedGrowersInQianjiangWhoReadChineseGetItOnceEachInTheirLanguage() {
        List<String> target = Farmers.add(subscribers, "+86130", 120, "429005101001", Lang.ZH, List.of("rapeseed"));
        List<String> english = Farmers.add(subscribers, "+86131", 10, "429005101002", Lang.EN, List.of("rapeseed"));
        List<String> rice = Farmers.add(subscribers, "+86132", 10, "429005101003", Lang.ZH, List.of("rice"));
        List<String> elsewhere = Farmers.add(subscribers, "+86133", 10, "429004101001", Lang.ZH, List.of("rapeseed"));
        start(Clock.systemUTC(), 500, 50, 5_000);

        Broadcast b = approved(draft("429005101000", Schedule.now(), null, null, List.of("rapeseed"), Set.of(Lang.ZH)));
        Await.until(() -> engine.service().find(EDITOR, b.id()).state() == BroadcastState.DONE);

        for (String p : target) assertEquals(1, recorder.idsByPhone.get(p).size(), p);
        assertEquals(0, received(english) + received(rice) + received(elsewhere));
        String id = recorder.idsByPhone.get(target.get(0)).iterator().next();
        assertEquals("油菜追肥提醒", recorder.textById.get(id));
        Await.until(() -> progress(b).count(EntryState.DELIVERED) == 120);
        assertEquals(120, progress(b).byRegion().get("429005000000").get(EntryState.DELIVERED));
    }

    @Test
    void nothingIsSentUntilASecondPersonWithTheReviewerRoleApproves() throws InterruptedException {
        List<String> phones = Farmers.add(subscribers, "+86134", 5, "429005102001", Lang.ZH, List.of());
        start(Clock.systemUTC(), 500, 50, 5_000);
        Broadcast b = engine.service().create(EDITOR, draft("429005102000", Schedule.now(), null, null, List.of(), Set.of()));
        engine.service().submit(EDITOR, b.id());
        Officer editorAlone = new Officer("wang", "reviewer", "429005000000");
        BroadcastException self = assertThrows(BroadcastException.class, () -> engine.service().approve(editorAlone, b.id()));
        assertEquals(BroadcastException.Kind.FORBIDDEN, self.kind());
        assertThrows(BroadcastException.class, () -> engine.service().approve(new Officer("zhao", "viewer", null), b.id()));
        Thread.sleep(300);
        assertEquals(0, received(phones));
        assertEquals(BroadcastState.SUBMITTED, engine.service().find(EDITOR, b.id()).state());

        engine.service().approve(REVIEWER, b.id());
        Await.until(() -> received(phones) == 5);
        assertEquals("li", engine.service().find(EDITOR, b.id()).approvedBy());
        var audit = new org.sandian.content.audit.AuditLog(mongo, Clock.systemUTC()).find("li", "broadcast.approve", null, null, 10);
        assertEquals("broadcast:" + b.id(), audit.get(0).target());
        assertEquals("SCHEDULED", audit.get(0).after());
    }

    @Test
    void quietHoursHoldMessagesUntilMorning() throws InterruptedException {
        List<String> phones = Farmers.add(subscribers, "+86135", 20, "429005103001", Lang.ZH, List.of());
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T14:00:00Z")); // 22:00 in Shanghai
        start(clock, 500, 50, 5_000);
        Broadcast b = approved(draft("429005103000", Schedule.now(), new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0)),
                null, List.of(), Set.of()));
        Await.until(() -> occurrence(b, 1) != null && occurrence(b, 1).state() == OccurrenceState.SENDING);
        Thread.sleep(400);
        assertEquals(0, received(phones), "nothing during quiet hours");

        clock.set(Instant.parse("2026-11-22T23:01:00Z")); // 07:01
        Await.until(() -> received(phones) == 20);
    }

    @Test
    void weeklyScheduleFiresOncePerWeekInShanghai() {
        List<String> phones = Farmers.add(subscribers, "+86136", 3, "429005104001", Lang.ZH, List.of());
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T16:00:00Z")); // Sunday 00:00 in Shanghai
        start(clock, 500, 0, 5_000);
        Broadcast b = approved(draft("429005104000", Schedule.weekly(DayOfWeek.MONDAY, LocalTime.of(7, 30)), null, null,
                List.of(), Set.of()));
        for (int step = 0; step < 8 * 21; step++) {
            engine.scheduler().tick();
            clock.advance(Duration.ofHours(3));
            if (engine.scheduler().isFanningOut()) Await.until(() -> !engine.scheduler().isFanningOut());
            // each week's message goes before the clock runs on (a loaded machine sends late, not never)
            int occurrences = engine.occurrences().ofBroadcast(b.id()).size();
            Await.until(() -> received(phones) == 3 * occurrences);
        }
        List<Occurrence> fired = engine.occurrences().ofBroadcast(b.id());
        assertEquals(3, fired.size());
        Set<Instant> times = new HashSet<>();
        for (Occurrence o : fired) {
            times.add(o.fireAt());
            assertEquals(DayOfWeek.MONDAY, o.fireAt().atZone(SHANGHAI).getDayOfWeek());
            assertEquals(LocalTime.of(7, 30), o.fireAt().atZone(SHANGHAI).toLocalTime());
        }
        assertEquals(Set.of(Instant.parse("2026-11-22T23:30:00Z"), Instant.parse("2026-11-29T23:30:00Z"),
                Instant.parse("2026-12-06T23:30:00Z")), times);
        Await.until(() -> received(phones) == 9);
    }

    @Test
    void pauseHoldsSendingAndResumeFinishesWithEveryoneOnce() throws InterruptedException {
        Run run = running("+86137", "429005105", 300, 200);
        Broadcast b = run.broadcast();
        List<String> phones = run.phones();
        Await.until(() -> received(phones) >= 30);
        engine.service().pause(EDITOR, b.id());
        Thread.sleep(300);
        int atPause = received(phones);
        Thread.sleep(500);
        assertEquals(atPause, received(phones), "nothing sent while paused");
        assertTrue(atPause < 300);

        engine.service().resume(EDITOR, b.id(), true);
        Await.until(() -> engine.service().find(EDITOR, b.id()).state() == BroadcastState.DONE);
        assertEquals(300, received(phones));
        assertEquals(0, recorder.phonesWithDuplicates());
    }

    @Test
    void cancelMidRunStopsForGood() throws InterruptedException {
        Run run = running("+86138", "429005106", 300, 200);
        Broadcast b = run.broadcast();
        List<String> phones = run.phones();
        Await.until(() -> received(phones) >= 30);
        engine.service().cancel(EDITOR, b.id());
        Thread.sleep(300);
        int atCancel = received(phones);
        Await.until(() -> occurrence(b, 1).state() == OccurrenceState.CANCELLED);
        Thread.sleep(500);
        assertEquals(atCancel, received(phones));
        assertTrue(atCancel < 300);
        assertEquals(BroadcastState.CANCELLED, engine.service().find(EDITOR, b.id()).state());
    }

    @Test
    void tdMidRunSkipsThatNumbersPendingMessageAtOnce() {
        Run run = running("+86139", "429005107", 200, 100);
        Broadcast b = run.broadcast();
        List<String> phones = run.phones();
        Await.until(() -> received(phones) >= 10);
        Chunk chunk = engine.chunks().load(EntryKey.chunkId(Occurrence.idOf(b.id(), 1), Channel.SMS, 0));
        String quitter = chunk.phones().get(chunk.size() - 1); // the last to be sent
        assertFalse(recorder.idsByPhone.containsKey(quitter));
        vertx.eventBus().publish(Addresses.STOPPED, quitter);
        Await.until(() -> engine.service().find(EDITOR, b.id()).state() == BroadcastState.DONE);
        assertFalse(recorder.idsByPhone.containsKey(quitter));
        assertEquals(199, received(phones));
        assertEquals(1, progress(b).count(EntryState.SKIPPED));
    }

    @Test
    void hubStoppedAndStartedMidRunReachesEveryRecipientExactlyOnce() {
        List<String> phones = Farmers.add(subscribers, "+86150", 2_500, "429005108001", Lang.ZH, List.of());
        start(Clock.systemUTC(), 1_000, 50, 1_000);
        Broadcast b = approved(draft("429005108000", Schedule.now(), null, null, List.of(), Set.of()));
        Await.until(() -> received(phones) >= 800);
        engine.crash();
        vertx.close().await();
        int beforeRestart = received(phones);
        assertTrue(beforeRestart < 2_500, "crashed mid-run");

        start(Clock.systemUTC(), 1_000, 50, 1_000);
        Await.until(() -> engine.service().find(EDITOR, b.id()).state() == BroadcastState.DONE);
        assertEquals(2_500, recorder.idsByPhone.keySet().stream().filter(phones::contains).count(), "none missed");
        assertEquals(0, recorder.phonesWithDuplicates(), "nobody got it twice");
        assertEquals(2_500, received(phones));
    }

    @Test
    void unsentEntriesExpireAndAreCounted() {
        List<String> phones = Farmers.add(subscribers, "+86151", 40, "429005109001", Lang.ZH, List.of());
        start(Clock.systemUTC(), 10, 50, 5_000);
        Broadcast b = approved(draft("429005109000", Schedule.now(), null, Duration.ofMillis(2_500), List.of(), Set.of()));
        Await.until(() -> engine.service().find(EDITOR, b.id()).state() == BroadcastState.EXPIRED);
        Progress p = progress(b);
        int sent = received(phones);
        assertTrue(sent > 0 && sent < 40, "sent " + sent);
        assertEquals(40 - sent, p.count(EntryState.EXPIRED));
        assertEquals(OccurrenceState.EXPIRED, p.state());
    }
}
