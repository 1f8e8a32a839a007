package org.sandian.channels.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.sim.SimMessage;
import org.sandian.channels.sms.sim.SimOptions;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.bus.OutboundSms.Priority;
import org.sandian.content.store.MongoStore;
import org.sandian.content.store.StoreOptions;
import org.sandian.content.testing.TestStore;

class ResilienceOverSmppTest {

    private SmsTestBed bed;
    private MongoServer mongo;

    @AfterEach
    void tearDown() throws Exception {
        if (bed != null) bed.close();
        if (mongo != null) mongo.shutdownNow();
    }

    @Test
    void droppedConnectionMidTrafficLosesNoMoAndDuplicatesNoMt() throws Exception {
        bed = new SmsTestBed();
        // the SMSC keeps a dropped bind's slot 300 ms: the first rebinds are refused "already bound"
        bed.startSim(new SimOptions(bed.port, "sandian", "secret", false, false, 0, 40, 1, 300));
        bed.deploy(bed.options().withFlow(1, 500));
        bed.awaitBound();
        for (int i = 0; i < 100; i++) {
            bed.channel.sender().send(new OutboundSms("m" + i, "+8613800000001", "reply " + i, Priority.REPLY, "t"));
            if (i % 2 == 0) bed.sim.injectMo("86138000" + String.format("%05d", i), "12316", "玉米 " + i, 8);
        }
        assertTrue(bed.sim.awaitMessages(100, 20_000), "all MT arrived: " + bed.sim.messages().size());
        assertTrue(bed.sim.awaitMoDelivered(20_000), "all MO acknowledged");
        SmsTestBed.await(() -> bed.received.size() >= 50, 5_000, "50 MO handed over");
        Thread.sleep(300);
        Map<String, Integer> mt = new HashMap<>();
        for (SimMessage m : bed.sim.messages()) mt.merge(m.text(), 1, Integer::sum);
        assertEquals(100, mt.size());
        mt.forEach((text, n) -> assertEquals(1, n, "MT sent twice: " + text));
        Map<String, Integer> mo = new HashMap<>();
        for (InboundMessage m : bed.received) mo.merge(m.text(), 1, Integer::sum);
        assertEquals(50, mo.size());
        mo.forEach((text, n) -> assertEquals(1, n, "MO handled twice: " + text));
        assertEquals(1, bed.sim.drops());
        assertTrue(bed.sim.bindsRefused() > 0, "rebind was refused 'already bound' at least once");
        assertTrue(bed.channel.bindCount() >= 2, "rebound");
    }

    @Test
    void moIsNotAcknowledgedWhileTheStoreIsDownAndIsStoredOnceItIsBack() throws Exception {
        Path dir = TestStore.tempDir();
        int mongoPort = SmsTestBed.freePort();
        mongo = new MongoServer(new H2Backend(dir.resolve("db.mv.db").toString()));
        mongo.bind("127.0.0.1", mongoPort);
        bed = new SmsTestBed();
        bed.store = MongoStore.open(new StoreOptions("mongodb://127.0.0.1:" + mongoPort, null, "sandian"));
        bed.startSim(SimOptions.on(bed.port));
        bed.deploy(bed.options());
        bed.awaitBound();
        bed.sim.injectMo("8613800000009", "12316", "before", 0);
        SmsTestBed.await(() -> bed.received.size() == 1, 5_000, "first MO");

        mongo.shutdownNow();
        bed.sim.injectMo("8613800000009", "12316", "while down", 0);
        SmsTestBed.await(() -> bed.sim.moRefused() > 0, 20_000, "SMSC sees the MO refused or unanswered");
        assertEquals(1, bed.received.size(), "nothing handed over that is not stored");

        mongo = new MongoServer(new H2Backend(dir.resolve("db.mv.db").toString()));
        mongo.bind("127.0.0.1", mongoPort);
        assertTrue(bed.sim.awaitMoDelivered(40_000), "delivered again once the store is back");
        SmsTestBed.await(() -> bed.received.size() == 2, 5_000, "second MO");
        assertEquals("while down", bed.received.get(1).text());
    }
}
