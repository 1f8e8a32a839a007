package org.sandian.channels.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.sim.SimMessage;
import org.sandian.channels.sms.sim.SimOptions;
import org.sandian.channels.sms.sim.SimSubmit;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.bus.OutboundSms.Priority;
import org.sandian.content.bus.SmsStatus;

class MtOverSmppTest {

    private SmsTestBed bed;
    private final Map<String, SmsStatus.State> states = new ConcurrentHashMap<>();

    private void start(SimOptions sim, UnaryOperator<SmsOptions> options) throws Exception {
        bed = new SmsTestBed();
        bed.startSim(sim(sim));
        bed.vertx.eventBus().<SmsStatus>consumer(Addresses.SMS_STATUS, m -> states.merge(m.body().id(),
                m.body().state(), (a, b) -> b.ordinal() > a.ordinal() || b == SmsStatus.State.FAILED ? b : a));
        bed.deploy(options.apply(bed.options()));
        bed.awaitBound();
    }

    private SimOptions sim(SimOptions o) {
        return new SimOptions(bed.port, o.systemId(), o.password(), o.receipts(), o.decimalIds(), o.tps(),
                o.dropAfter(), o.maxBinds(), o.staleBindMillis());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bed != null) bed.close();
    }

    private String send(String id, String text, Priority p) throws Exception {
        return bed.channel.sender().send(new OutboundSms(id, "+8613800000001", text, p, "test"))
                .get(5, TimeUnit.SECONDS);
    }

    private SmsStatus.State awaitState(String id, SmsStatus.State s) {
        SmsTestBed.await(() -> states.get(id) == s, 5_000, id + " " + s);
        return states.get(id);
    }

    private Document stored(String id) {
        return bed.store.collection("sms_mt", Document.class).find(new Document("_id", id)).first();
    }

    @Test
    void replyIsSubmittedThenDeliveredByAHexReceipt() throws Exception {
        start(SimOptions.on(0).withReceipts(true, false), o -> o);
        String id = send("r1", "PRICE MAIZE WUHAN 2.35 yuan/kg", Priority.REPLY);
        awaitState(id, SmsStatus.State.DELIVERED);
        SimMessage m = bed.sim.messages().get(0);
        assertEquals("PRICE MAIZE WUHAN 2.35 yuan/kg", m.text());
        assertEquals("8613800000001", m.to());
        assertEquals("12316", m.from());
        SmsTestBed.await(() -> "DELIVERED".equals(stored(id).getString("state")), 3_000, "stored DELIVERED");
        assertEquals(m.parts().get(0).messageId(), stored(id).getList("smscIds", String.class).get(0));
    }

    @Test
    void decimalReceiptIdsMatchTheHexIdOfTheSubmitResponse() throws Exception {
        start(SimOptions.on(0).withReceipts(true, true), o -> o);
        String id = send("d1", "玉米 武汉 2.35元/公斤", Priority.REPLY);
        awaitState(id, SmsStatus.State.DELIVERED);
        assertTrue(bed.sim.messages().get(0).parts().get(0).messageId().startsWith("00"), "hex id with leading zeros");
    }

    @Test
    void longChineseReplyGoesAsThreeJoinablePartsAndIsDeliveredOnlyWhenAllPartsAre() throws Exception {
        start(SimOptions.on(0).withReceipts(true, false), o -> o);
        String text = "米".repeat(135);
        String id = send("long1", text, Priority.REPLY);
        awaitState(id, SmsStatus.State.DELIVERED);
        SimMessage m = bed.sim.messages().get(0);
        assertEquals(3, m.parts().size());
        assertEquals(text, m.text());
        for (SimSubmit p : m.parts()) assertEquals(8, p.dataCoding());
        Document d = stored(id);
        SmsTestBed.await(() -> stored(id).getList("receipts", String.class).stream().allMatch("DELIVRD"::equals),
                3_000, "three receipts stored");
        assertEquals(3, d.getInteger("parts"));
    }

    @Test
    void theSameIdTwiceIsSentOnce() throws Exception {
        start(SimOptions.on(0), o -> o);
        send("dup1", "TD confirmed", Priority.REPLY);
        send("dup1", "TD confirmed", Priority.REPLY);
        awaitState("dup1", SmsStatus.State.DELIVERED);
        Thread.sleep(200);
        assertEquals(1, bed.sim.submits().size());
    }

    @Test
    void throttlingIsRecoveredWithoutLosingOrDuplicatingAnyMessage() throws Exception {
        start(SimOptions.on(0).withReceipts(false, false).withTps(40), o -> o.withFlow(10, 200));
        List<CompletableFuture<String>> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            ids.add(bed.channel.sender().send(new OutboundSms("t" + i, "+8613800000001", "bulk " + i,
                    Priority.BULK, "test")));
        }
        CompletableFuture.allOf(ids.toArray(new CompletableFuture[0])).get(5, TimeUnit.SECONDS);
        assertTrue(bed.sim.awaitMessages(120, 20_000), "all 120 arrived, got " + bed.sim.messages().size());
        assertTrue(bed.sim.throttledCount() > 0, "the simulator did throttle");
        Set<String> texts = new HashSet<>();
        for (SimMessage m : bed.sim.messages()) assertTrue(texts.add(m.text()), "duplicate " + m.text());
        assertEquals(120, texts.size());
    }

    @Test
    void windowAndTpsOfTheBindAreRespected() throws Exception {
        start(SimOptions.on(0).withReceipts(false, false), o -> o.withFlow(4, 100));
        for (int i = 0; i < 150; i++) {
            bed.channel.sender().send(new OutboundSms("w" + i, "+8613800000001", "w " + i, Priority.BULK, "test"));
        }
        assertTrue(bed.sim.awaitMessages(150, 10_000));
        assertTrue(bed.sim.maxInFlight() <= 4, "window 4, saw " + bed.sim.maxInFlight());
        List<SimSubmit> s = bed.sim.submits();
        // any 1 s span holds at most 100 submits (+2 burst, +~8 for scheduling jitter on a loaded 2-core box)
        for (int i = 0; i < s.size(); i++) {
            int j = i;
            while (j < s.size() && s.get(j).at().toEpochMilli() - s.get(i).at().toEpochMilli() < 1_000) j++;
            assertTrue(j - i <= 110, "tps 100 exceeded: " + (j - i) + " in 1 s");
        }
        long span = s.get(s.size() - 1).at().toEpochMilli() - s.get(0).at().toEpochMilli();
        assertTrue(span >= 1_300, "150 submits at 100/s take over 1.3 s, took " + span);
    }

    @Test
    void repliesGoBeforeQueuedBulk() throws Exception {
        start(SimOptions.on(0).withReceipts(false, false), o -> o.withFlow(1, 50));
        for (int i = 0; i < 60; i++) {
            bed.channel.sender().send(new OutboundSms("b" + i, "+8613800000001", "bulk " + i, Priority.BULK, "t"));
        }
        Thread.sleep(100);
        send("reply1", "the reply", Priority.REPLY);
        assertTrue(bed.sim.awaitMessages(61, 10_000));
        int at = 0;
        List<SimMessage> ms = bed.sim.messages();
        while (!ms.get(at).text().equals("the reply")) at++;
        assertTrue(at < 20, "reply overtook the bulk queue, was number " + at);
    }

    @Test
    void mtQueuedWhileTheSmscIsDownIsSentAfterARestart() throws Exception {
        bed = new SmsTestBed();
        bed.deploy(bed.options()); // nothing listens yet
        for (int i = 0; i < 5; i++) send("q" + i, "queued " + i, Priority.BULK);
        bed.undeploy();
        bed.startSim(sim(SimOptions.on(0)));
        bed.deploy(bed.options());
        assertTrue(bed.sim.awaitMessages(5, 10_000), "resumed after restart");
        Thread.sleep(200);
        assertEquals(5, bed.sim.messages().size());
    }

    @Test
    void mtsAlreadySubmittedAreNotResentAfterARestart() throws Exception {
        start(SimOptions.on(0).withReceipts(false, false), o -> o);
        for (int i = 0; i < 5; i++) send("s" + i, "sent once " + i, Priority.REPLY);
        assertTrue(bed.sim.awaitMessages(5, 5_000));
        SmsTestBed.await(() -> java.util.stream.IntStream.range(0, 5)
                .allMatch(i -> "SUBMITTED".equals(stored("s" + i).getString("state"))), 3_000, "five stored SUBMITTED");
        bed.undeploy();
        bed.deploy(bed.options());
        bed.awaitBound();
        send("after", "after the restart", Priority.REPLY);
        assertTrue(bed.sim.awaitMessages(6, 5_000));
        Thread.sleep(300);
        assertEquals(6, bed.sim.messages().size(), "only the new MT was sent after the restart");
    }

    @Test
    void submitResultsNotYetStoredNeverExceedTheWindow() throws Exception {
        // a crash re-sends every part whose submit result is not stored: at most the window
        start(SimOptions.on(0).withReceipts(false, false), o -> o.withFlow(2, 100_000));
        int n = 300;
        for (int i = 0; i < n; i++) {
            bed.channel.sender().send(new OutboundSms("u" + i, "+8613800000001", "u " + i, Priority.BULK, "t"));
        }
        long end = System.currentTimeMillis() + 20_000;
        int worst = 0;
        int seen = 0;
        while (seen < n && System.currentTimeMillis() < end) {
            seen = bed.sim.submits().size(); // read before the store: the store can only have moved on
            long storedSubmitted = bed.store.collection("sms_mt", Document.class)
                    .countDocuments(new Document("state", "SUBMITTED"));
            worst = Math.max(worst, seen - (int) storedSubmitted);
        }
        assertEquals(n, seen, "all sent");
        assertTrue(worst <= 2, "window 2, yet " + worst + " submits were not stored");
    }

    @Test
    void failoverSmscIsUsedWhenThePrimaryIsUnreachable() throws Exception {
        bed = new SmsTestBed();
        bed.startSim(sim(SimOptions.on(0)));
        SmsOptions o = SmsOptions.of("127.0.0.1", SmsTestBed.freePort(), "sandian", "secret")
                .withTimers(java.time.Duration.ofSeconds(5), java.time.Duration.ofMillis(50),
                        java.time.Duration.ofMillis(200), java.time.Duration.ofSeconds(60))
                .withFailover("127.0.0.1", bed.port);
        bed.deploy(o);
        bed.awaitBound();
        send("f1", "via failover", Priority.REPLY);
        assertTrue(bed.sim.awaitMessages(1, 5_000));
    }

    @Test
    void anMtWithoutANumberIsRefusedAtOnceAndNothingIsQueued() throws Exception {
        start(SimOptions.on(0), o -> o);
        CompletableFuture<String> f = bed.channel.sender().send(new OutboundSms("x1", " ", "hi", Priority.REPLY, "t"));
        assertTrue(f.isCompletedExceptionally());
        assertEquals(0, bed.channel.health().queued());
    }

    @Test
    void queueFullAnswersAreRetriedUntilEveryMessageIsAccepted() throws Exception {
        start(SimOptions.on(0).withReceipts(false, false).withTps(30), o -> o.withFlow(5, 200));
        bed.sim.setOverTpsStatus(org.jsmpp.SMPPConstant.STAT_ESME_RMSGQFUL);
        for (int i = 0; i < 60; i++) {
            bed.channel.sender().send(new OutboundSms("q" + i, "+8613800000001", "queue full " + i, Priority.BULK, "t"));
        }
        assertTrue(bed.sim.awaitMessages(60, 15_000), "all 60 arrived: " + bed.sim.messages().size());
        assertTrue(bed.sim.throttledCount() > 0, "the simulator did answer MSGQFUL");
        assertEquals(60, bed.sim.messages().stream().map(SimMessage::text).distinct().count());
        assertEquals(60, bed.sim.messages().size());
    }
}
