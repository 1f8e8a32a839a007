package org.sandian.channels.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.vertx.core.eventbus.ReplyException;
import org.sandian.channels.voice.outbound.OutboundDialer;
import org.sandian.channels.voice.outbound.VoiceCallOutcome;
import org.sandian.channels.voice.outbound.VoiceCallOutcome.Result;
import org.sandian.channels.voice.outbound.VoiceCallRequest;
import org.sandian.channels.voice.outbound.VoiceCaller;
import org.sandian.content.bus.SmsStatus;
import org.sandian.content.bus.SubscriberCommand;
import org.sandian.content.model.Lang;

/**
 * Outbound voice calls through a manager interface speaking the AMI protocol over a real socket,
 * with the answered leg's {@code broadcast} script played over FastAGI.
 */
class OutboundCallTest {

    static final Duration RETRY = Duration.ofMillis(400);
    static HubFixture hub;
    static FakeAmi ami;
    static VoiceChannel voice;
    static VoiceOptions options;
    static final BlockingQueue<VoiceCallOutcome> outcomes = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        hub = HubFixture.shared();
        ami = new FakeAmi("s3cret");
        options = VoiceOptions.defaults(Files.createTempDirectory("voice-sounds")).withAgi("127.0.0.1", 0)
                .withManager("127.0.0.1", ami.port(), "sandian", "s3cret")
                .withOutbound(1, 1, RETRY, Duration.ofSeconds(30));
        VoiceCaller.registerTypes(hub.vertx);
        hub.vertx.eventBus().<VoiceCallOutcome>consumer(VoiceAddresses.CALL_OUTCOME, m -> outcomes.add(m.body()));
        voice = hub.deploy(options, new TranscriptSpeech());
        waitFor(() -> voice.health().amiConnected(), "manager login");
    }

    @AfterAll
    static void stop() throws Exception {
        ami.close();
    }

    interface Check {
        boolean ok();
    }

    static void waitFor(Check check, String what) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (check.ok()) return;
            Thread.sleep(20);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private static String place(String callee, String broadcast) {
        VoiceCallRequest r = new VoiceCallRequest(null, broadcast, callee, "明天有大风降温，请做好防寒。", null, Lang.ZH, "price 104");
        return VoiceCaller.proxy(hub.vertx).call(r).await();
    }

    private static VoiceCallOutcome outcome() throws InterruptedException {
        VoiceCallOutcome o = outcomes.poll(10, TimeUnit.SECONDS);
        assertNotNull(o, "an outcome was published");
        return o;
    }

    @Test
    void answeredCallPlaysTheMessageAgainOnOneSubscribesOnTwoAndIsReportedListened() throws Exception {
        String callee = "+8613800000009";
        String callId = place(callee, "b-1");
        FakeAmi.Packet originate = ami.nextOriginate(5_000);
        assertNotNull(originate);
        assertEquals("PJSIP/+8613800000009@carrier", originate.get("Channel"));
        assertEquals("sandian-broadcast", originate.get("Context"));
        assertEquals("s", originate.get("Exten"));
        assertEquals("1", originate.get("Priority"));
        assertNull(originate.get("Application"), "AGI as Originate application would need the system privilege");
        assertEquals("true", originate.get("Async"));
        assertEquals("30000", originate.get("Timeout"));
        String variables = String.join(",", originate.all("Variable"));
        assertTrue(variables.contains("SANDIAN_CALL_ID=" + callId), variables);
        assertTrue(variables.contains("SANDIAN_CALLEE=" + callee), variables);
        assertTrue(variables.contains("SANDIAN_BROADCAST=b-1"), variables);

        ami.originateResponse(originate, true, 4, "9.1");
        VoiceCallOutcome answered = outcome();
        assertEquals(Result.ANSWERED, answered.result());
        assertFalse(answered.last());

        try (FakeAsterisk agi = FakeAsterisk.call(voice.agiPort(), "broadcast", "12316", "9.1", "zh")) {
            agi.expect("GET VARIABLE \"SANDIAN_CALL_ID\"", "1 (" + callId + ")");
            agi.expect("GET VARIABLE \"SANDIAN_CALLEE\"", "1 (" + callee + ")");
            assertEquals("明天有大风降温，请做好防寒。", TranscriptSpeech.text(agi.heard()));
            assertEquals("重听请按一，订阅短信提醒请按二。", TranscriptSpeech.text(agi.heard()));
            agi.waitDigit(HotlineCallTest.WAIT, '1');
            assertEquals("明天有大风降温，请做好防寒。", TranscriptSpeech.text(agi.heard()));
            TranscriptSpeech.text(agi.heard());
            agi.waitDigit(HotlineCallTest.WAIT, '2');
            assertEquals("订阅成功，您将收到短信提醒。", TranscriptSpeech.text(agi.heard()));
            assertEquals("感谢您的来电，再见。", TranscriptSpeech.text(agi.heard()));
            agi.expect("HANGUP", "1");
            assertTrue(agi.closedByScript());
        }
        ami.hangup("9.1", originate.get("Channel") + "-00000009");
        VoiceCallOutcome end = outcome();
        assertEquals(Result.LISTENED_TO_END, end.result());
        assertTrue(end.last() && end.subscribed());
        assertEquals("b-1", end.broadcastId());
        SubscriberCommand c = hub.subscriberCommands.stream().filter(s -> callee.equals(s.phone())).findFirst().orElseThrow();
        assertEquals(List.of("104"), c.commodities());
    }

    @Test
    void busyIsRetriedOnceTheIntervalHasPassedSinceTheFailedCallEnded() throws Exception {
        place("+8613800000010", "b-2");
        FakeAmi.Packet first = ami.nextOriginate(5_000);
        Thread.sleep(300); // ringing: a retry timed from the queueing would come too early
        ami.originateResponse(first, false, 5, null);
        long ended = System.nanoTime();
        VoiceCallOutcome busy = outcome();
        assertEquals(Result.BUSY, busy.result());
        assertEquals(1, busy.attempt());
        assertFalse(busy.last());
        FakeAmi.Packet second = ami.nextOriginate(5_000);
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ended);
        assertNotNull(second);
        assertTrue(waited >= RETRY.toMillis() - 20, "retry " + waited + " ms after the end of the failed call");
        assertTrue(second.get("ActionID").endsWith("-2"), second.get("ActionID"));
        ami.originateResponse(second, false, 3, null);
        VoiceCallOutcome noAnswer = outcome();
        assertEquals(Result.NO_ANSWER, noAnswer.result());
        assertEquals(2, noAnswer.attempt());
        assertTrue(noAnswer.last(), "one retry only");
    }

    @Test
    void concurrencyCapHoldsTheSecondCallUntilTheFirstHasEnded() throws Exception {
        place("+8613800000011", "b-3");
        place("+8613800000012", "b-3");
        FakeAmi.Packet first = ami.nextOriginate(5_000);
        assertNotNull(first);
        assertNull(ami.nextOriginate(300), "cap of 1: the second call waits");
        assertEquals(1, voice.health().outboundActive());
        ami.originateResponse(first, true, 4, "9.3");
        assertEquals(Result.ANSWERED, outcome().result());
        assertNull(ami.nextOriginate(200), "an answered call still holds the slot");
        ami.hangup("9.3", first.get("Channel") + "-1");
        VoiceCallOutcome end = outcome();
        assertEquals(Result.ANSWERED, end.result(), "hung up without hearing the message");
        assertTrue(end.last());
        FakeAmi.Packet second = ami.nextOriginate(5_000);
        assertNotNull(second);
        assertEquals("PJSIP/+8613800000012@carrier", second.get("Channel"));
        ami.originateResponse(second, false, 8, null);
        assertEquals(Result.FAILED, outcome().result());
        FakeAmi.Packet retry = ami.nextOriginate(5_000);
        ami.originateResponse(retry, false, 8, null);
        VoiceCallOutcome last = outcome();
        assertEquals(Result.FAILED, last.result());
        assertTrue(last.last());
    }

    @Test
    void theSameCallIdSentTwiceRingsOnceAndItsEndBecomesTheEntryState() throws Exception {
        String entry = "b-6.1:V:0:7:+8613800000015";
        VoiceCallRequest r = new VoiceCallRequest(entry, "b-6", "+8613800000015", "测试", null, Lang.ZH, null);
        assertEquals(entry, VoiceCaller.proxy(hub.vertx).call(r).await());
        // Sent again, as after a broadcast lease was taken over before the entry was marked sent.
        assertEquals(entry, VoiceCaller.proxy(hub.vertx).call(r).await());
        FakeAmi.Packet originate = ami.nextOriginate(5_000);
        assertNotNull(originate);
        assertNull(ami.nextOriginate(500), "one call for one entry");
        ami.originateResponse(originate, true, 4, "9.6");
        VoiceCallOutcome answered = outcome();
        assertNull(answered.entryStatus(), "not final yet");
        ami.hangup("9.6", "PJSIP/x-6");
        VoiceCallOutcome end = outcome();
        assertTrue(end.last());
        assertEquals(entry, end.callId());
        assertEquals(SmsStatus.State.DELIVERED, end.entryStatus().state());
        assertEquals(entry, end.entryStatus().id());
        assertEquals(entry, VoiceCaller.proxy(hub.vertx).call(r).await(), "still known after the call ended");
        assertNull(ami.nextOriginate(300), "and still not called again");
    }

    @Test
    void aFailedFinalOutcomeIsAFailedEntryWithItsReason() {
        VoiceCallOutcome busy = new VoiceCallOutcome("b.1:V:0:1:+86138", "b", "+86138", 2, Result.BUSY, false, true,
                java.time.Instant.now());
        assertEquals(SmsStatus.State.FAILED, busy.entryStatus().state());
        assertEquals("busy", busy.entryStatus().error());
    }

    @Test
    void aFullDialerQueueRefusesOverTheBusSoTheBroadcastKeepsTheEntry() throws Exception {
        io.vertx.core.Vertx own = io.vertx.core.Vertx.vertx();
        try {
            // No manager reachable: accepted calls stay queued in memory, which is bounded.
            VoiceOptions down = VoiceOptions.defaults(Files.createTempDirectory("voice-sounds")).withAgi("127.0.0.1", 0)
                    .withManager("127.0.0.1", 1, "sandian", "s3cret").withOutbound(1, 0, RETRY, Duration.ofSeconds(30));
            own.deployVerticle(new VoiceChannel(down, null, new TranscriptSpeech())).await(30, TimeUnit.SECONDS);
            VoiceCaller caller = VoiceCaller.proxy(own);
            int accepted = 0;
            Throwable refused = null;
            for (int i = 0; i <= OutboundDialer.MAX_PENDING && refused == null; i++) {
                VoiceCallRequest r = new VoiceCallRequest("q.1:V:0:" + i + ":+86138", "q", "+86138", "测试", null, Lang.ZH, null);
                try {
                    caller.call(r).await();
                    accepted++;
                } catch (Exception e) {
                    refused = e;
                }
            }
            assertEquals(OutboundDialer.MAX_PENDING, accepted, "accepted up to the bound");
            assertNotNull(refused, "the call over the bound was refused");
            assertTrue(refused instanceof ReplyException re && re.failureCode() == 503, refused.toString());
            VoiceCallRequest again = new VoiceCallRequest("q.1:V:0:0:+86138", "q", "+86138", "测试", null, Lang.ZH, null);
            assertEquals("q.1:V:0:0:+86138", caller.call(again).await(), "an id already queued is still answered");
        } finally {
            own.close().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void droppedManagerConnectionIsReconnectedAndCallsGoOn() throws Exception {
        int before = ami.logins.get();
        ami.drop();
        waitFor(() -> ami.logins.get() > before && voice.health().amiConnected(), "manager reconnection");
        place("+8613800000013", "b-4");
        FakeAmi.Packet originate = ami.nextOriginate(5_000);
        assertNotNull(originate, "Originate sent on the new connection");
        ami.originateResponse(originate, true, 4, "9.4");
        assertEquals(Result.ANSWERED, outcome().result());
        ami.hangup("9.4", "PJSIP/x-4");
        assertTrue(outcome().last());
    }

    @Test
    void anOriginateWhoseResponseNeverComesIsCountedFailedAndFreesItsSlot() throws Exception {
        // A hub of its own: on the shared bus the call could go to the other channel's consumer.
        io.vertx.core.Vertx own = io.vertx.core.Vertx.vertx();
        try (FakeAmi lossy = new FakeAmi("s3cret")) {
            VoiceOptions quick = VoiceOptions.defaults(Files.createTempDirectory("voice-sounds")).withAgi("127.0.0.1", 0)
                    .withManager("127.0.0.1", lossy.port(), "sandian", "s3cret")
                    .withOutbound(1, 0, RETRY, Duration.ofMillis(200));
            VoiceChannel other = new VoiceChannel(quick, null, new TranscriptSpeech());
            VoiceCaller.registerTypes(own);
            BlockingQueue<VoiceCallOutcome> reports = new LinkedBlockingQueue<>();
            own.eventBus().<VoiceCallOutcome>consumer(VoiceAddresses.CALL_OUTCOME, m -> reports.add(m.body()));
            own.deployVerticle(other).await(30, TimeUnit.SECONDS);
            waitFor(() -> other.health().amiConnected(), "manager login");
            long start = System.nanoTime();
            // The OriginateResponse is lost (say, sent while the connection was down).
            VoiceCallRequest r = new VoiceCallRequest(null, "b-5", "+8613800000014", "测试", null, Lang.ZH, null);
            VoiceCaller.proxy(own).call(r).await();
            assertNotNull(lossy.nextOriginate(5_000));
            VoiceCallOutcome lost = reports.poll(10, TimeUnit.SECONDS);
            assertNotNull(lost, "the lost call was reported");
            assertEquals(Result.FAILED, lost.result());
            assertTrue(lost.last());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 5_000, "not before ring time + margin");
            assertEquals(0, other.health().outboundActive(), "the slot is free again");
        } finally {
            own.close().await(30, TimeUnit.SECONDS);
        }
    }
}
