package org.sandian.channels.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bson.Document;
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
        SmsTestBed.await(() -> mo.countDocuments(new Document("handled", true)) == 2, 5_000, "both marked handled");

        bed.undeploy();
        bed.received.clear();
        bed.deploy(bed.options());
        bed.awaitBound();
        bed.sim.injectMo("8613800000023", "12316", "帮助", 8);
        // the simulator may first offer it on the session that just closed, then delivers it again
        SmsTestBed.await(() -> bed.received.size() == 1, 30_000, "the new MO");
        assertEquals("帮助", bed.received.get(0).text(), "handled ones are not handed over a third time");
    }
}
