package org.sandian.channels.sms.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.log.LogIds;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.bus.OutboundSms.Priority;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;
import org.slf4j.LoggerFactory;

class MtLogMaskingTest {

    private static final String PHONE = "+8613812345678";
    private static final String BROADCAST_ID = "occ42:S:3:17:" + PHONE;

    private final MongoStore store = TestStore.open();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger outboxLog = (Logger) LoggerFactory.getLogger(MtOutbox.class);

    @AfterEach
    void tearDown() {
        outboxLog.detachAppender(logs);
        store.close();
    }

    @Test
    void aFailedBroadcastMtIsLoggedWithoutTheFullNumber() throws Exception {
        logs.start();
        outboxLog.addAppender(logs);
        try (MtOutbox outbox = new MtOutbox(store.collection("sms_mt", Document.class),
                store.collection("sms_receipts_index", Document.class),
                store.collection("sms_orphan_receipts", Document.class), s -> { }, Clock.systemUTC(), 6)) {
            outbox.send(new OutboundSms(BROADCAST_ID, PHONE, "寒潮预警 Cold wave", Priority.BULK, "broadcast"))
                    .get(5, TimeUnit.SECONDS);
            outbox.failed(outbox.next(1_000), SendError.REJECTED);
        }
        assertFalse(logs.list.isEmpty(), "the failure is logged");
        for (ILoggingEvent e : logs.list) {
            assertFalse(e.getFormattedMessage().contains("13812345678"), e.getFormattedMessage());
        }
        assertTrue(logs.list.get(0).getFormattedMessage().contains("occ42:S:3:17:+86138****5678"));
    }

    @Test
    void idsWithoutANumberAreLoggedAsTheyAre() {
        assertEquals("mt-abc-1-xyz", LogIds.mask("mt-abc-1-xyz"));
        assertEquals("r1", LogIds.mask("r1"));
        assertEquals("o:S:1:2:+86138****5678", LogIds.mask("o:S:1:2:+8613812345678"));
    }
}
