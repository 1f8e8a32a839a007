package org.sandian.channels.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.sandian.channels.sms.dialogue.SmsDialogue;
import org.sandian.content.bus.OutboundSms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MoHandledAfterRestartTest {

    private final SmsTestBed bed = new SmsTestBed();

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    /** A handler that takes the message but never finishes with it, as if the hub died meanwhile. */
    private static final class NeverDone implements MoHandler {
        @Override
        public void onMessage(InboundMessage message) {
        }

        @Override
        public CompletionStage<Void> process(InboundMessage message) {
            return new CompletableFuture<>();
        }
    }

    @Test
    void mosStoredButNotHandledBeforeAStopAreHandledAfterTheRestart() throws Exception {
        bed.startSim().deploy(bed.options(), new NeverDone());
        bed.awaitBound();
        bed.sim.injectMo("8613800000021", "12316", "价格 玉米", 8);
        bed.sim.injectMo("8613800000022", "12316", "PRICE MAIZE", 0);
        assertTrue(bed.sim.awaitMoDelivered(5_000));
        var mo = bed.store.collection("sms_mo", Document.class);
        SmsTestBed.await(() -> mo.countDocuments() == 2, 5_000, "both MO stored");
        bed.undeploy();

        bed.deploy(bed.options());
        SmsTestBed.await(() -> bed.received.size() == 2, 5_000, "both MO handed over after the restart");

        bed.undeploy();
        bed.received.clear();
        bed.deploy(bed.options());
        bed.awaitBound();
        bed.sim.injectMo("8613800000023", "12316", "帮助", 8);
        // the simulator may first offer it on the session that just closed, then delivers it again
        SmsTestBed.await(() -> bed.received.size() == 1, 30_000, "the new MO");
        assertEquals("帮助", bed.received.get(0).text(), "handled ones are not handed over a third time");
    }

    /** Queues the reply as the dialogue does (its id from the MO's); finishes only when told to. */
    private final class Replier implements MoHandler {
        final AtomicInteger handed = new AtomicInteger();
        final boolean finish;

        Replier(boolean finish) {
            this.finish = finish;
        }

        @Override
        public void onMessage(InboundMessage message) {
        }

        @Override
        public CompletionStage<Void> process(InboundMessage m) {
            handed.incrementAndGet();
            CompletionStage<Void> queued = bed.channel.sender().send(new OutboundSms(SmsDialogue.replyId(m), m.from(),
                    "玉米 武汉 2.60元/公斤", OutboundSms.Priority.REPLY, "reply")).thenApply(id -> null);
            return finish ? queued : new CompletableFuture<>();
        }
    }

    @Test
    void anMoWhoseReplyWasQueuedJustBeforeAStopIsHandledAgainButAnsweredOnce() throws Exception {
        Replier dying = new Replier(false);
        bed.startSim().deploy(bed.options(), dying);
        bed.awaitBound();
        bed.sim.injectMo("8613800000031", "12316", "价格 玉米", 8);
        SmsTestBed.await(() -> bed.sim.messages().size() == 1, 5_000, "the reply at the handset");
        var mt = bed.store.collection("sms_mt", Document.class);
        // its submit result stored too: else the stop would leave it in flight, and in flight is resent
        // (or already DELIVERED: the simulator's receipt may follow at once)
        SmsTestBed.await(() -> mt.countDocuments(new Document("state",
                new Document("$in", java.util.List.of("SUBMITTED", "DELIVERED")))) == 1, 5_000, "the reply submitted");
        bed.undeploy(); // the handler never said it was done: the MO is not behind the checkpoint

        Replier again = new Replier(true);
        bed.deploy(bed.options(), again);
        bed.awaitBound();
        SmsTestBed.await(() -> again.handed.get() == 1, 5_000, "the MO handed over again after the restart");
        Thread.sleep(1_500); // a second reply, if any, would reach the simulator in this time
        assertEquals(1, bed.sim.messages().size(), "one reply: the second has the same id and is not sent");
        assertEquals(1, bed.store.collection("sms_mt", Document.class).countDocuments());
    }
}
