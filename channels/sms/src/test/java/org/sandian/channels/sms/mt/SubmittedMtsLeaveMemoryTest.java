package org.sandian.channels.sms.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.mo.Receipt;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.MutableClock;
import org.sandian.content.testing.TestStore;

/**
 * A submitted MT stays in memory a minute for its receipts, not for good: with receipts off (or a
 * receipt lost) the outbox would otherwise grow with every message sent. A later receipt still counts.
 */
class SubmittedMtsLeaveMemoryTest {

    private final MongoStore store = TestStore.open();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
    private final MtOutbox outbox = new MtOutbox(store.collection("sms_mt", Document.class),
            store.collection("sms_receipts_index", Document.class), store.collection("sms_orphan_receipts", Document.class),
            s -> { }, clock, 4, ReceiptMatching.IN_MEMORY);

    @AfterEach
    void close() {
        outbox.close();
        store.close();
    }

    @Test
    void aSubmittedMtLeavesMemoryAfterAMinuteAndALateReceiptStillCounts() throws Exception {
        outbox.send(new OutboundSms("re-9", "+8613800000049", "玉米 白沙洲 2.45元/斤", OutboundSms.Priority.REPLY, "reply"))
                .get(5, TimeUnit.SECONDS);
        MtOutbox.Job job = outbox.next(1_000);
        assertNotNull(job);
        outbox.submitted(job, "0A1B2C09").get(5, TimeUnit.SECONDS);
        assertEquals(1, outbox.inMemory());

        clock.advance(MtOutbox.SUBMITTED_KEPT.minusSeconds(1));
        outbox.sweep(false);
        assertEquals(1, outbox.inMemory(), "still within the minute");

        clock.advance(Duration.ofSeconds(2));
        outbox.sweep(false);
        assertEquals(0, outbox.inMemory(), "no receipt in a minute: out of memory");

        outbox.onReceipt(new Receipt("0A1B2C09", "DELIVRD", "000")).get(5, TimeUnit.SECONDS);
        Document mt = store.collection("sms_mt", Document.class).find(new Document("_id", "re-9")).first();
        assertNotNull(mt);
        assertEquals("DELIVERED", mt.getString("state"), "the late receipt read the MT from the store");
        assertEquals(0, outbox.inMemory());
    }
}
