package org.sandian.channels.sms.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.mo.Receipt;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/**
 * A hub alone remembers its submitted parts for their receipts instead of writing an index entry
 * per part: a restart reads them back from sms_mt, and the parts still awaiting a receipt at a
 * stop go to the store's index, where a hub that shares it finds them.
 */
class LoneHubReceiptsTest {

    private final MongoStore store = TestStore.open();
    private final List<MtOutbox> outboxes = new ArrayList<>();

    @AfterEach
    void close() {
        outboxes.forEach(MtOutbox::close);
        store.close();
    }

    @Test
    void receiptsFindTheirPartsWithoutAnIndexEntryAndAfterARestart() throws Exception {
        MtOutbox first = outbox(ReceiptMatching.IN_MEMORY);
        String twoParts = "霜冻预警：今夜至明晨全县最低气温降至零下三度，请及时覆盖油菜苗床，蔬菜大棚夜间加盖草帘保温，"
                + "柑橘园灌水防冻，注意收听后续天气预报。县农业农村局";
        first.send(new OutboundSms("re-1", "+8613800000041", twoParts, OutboundSms.Priority.REPLY, "reply")).get(5, TimeUnit.SECONDS);
        submitNext(first, "0A1B2C01");
        submitNext(first, "0A1B2C02");
        first.onReceipt(new Receipt("0A1B2C01", "DELIVRD", "000")).get(5, TimeUnit.SECONDS);
        assertEquals("SUBMITTED", state("re-1"), "one part of two delivered");
        assertEquals(0, index().countDocuments(), "alone: no index entry per part");

        // the first run stops without a word (killed): the next one reads the awaiting part back from sms_mt
        MtOutbox second = outbox(ReceiptMatching.IN_MEMORY);
        assertEquals(0, second.resume(), "nothing left to send");
        second.onReceipt(new Receipt("0A1B2C02", "DELIVRD", "000")).get(5, TimeUnit.SECONDS);
        assertEquals("DELIVERED", state("re-1"), "the second part's receipt matched after the restart");
        assertEquals(0, index().countDocuments());
    }

    @Test
    void partsAwaitingTheirReceiptAtTheStopAreIndexedForAnyHub() throws Exception {
        MtOutbox alone = outbox(ReceiptMatching.IN_MEMORY);
        alone.send(new OutboundSms("re-2", "+8613800000042", "玉米 白沙洲 2.45元/斤", OutboundSms.Priority.REPLY, "reply"))
                .get(5, TimeUnit.SECONDS);
        alone.send(new OutboundSms("re-3", "+8613800000043", "PRICE MAIZE 2.45", OutboundSms.Priority.REPLY, "reply"))
                .get(5, TimeUnit.SECONDS);
        submitNext(alone, "0A1B2C03");
        submitNext(alone, "0A1B2C04");
        alone.onReceipt(new Receipt("0A1B2C03", "DELIVRD", "000")).get(5, TimeUnit.SECONDS);
        alone.close();

        assertEquals(1, index().countDocuments(), "only the part still awaiting its receipt");
        Document entry = index().find().first();
        assertNotNull(entry);
        assertEquals("re-3", entry.getString("mt"));

        MtOutbox shared = outbox(ReceiptMatching.SHARED_INDEX); // a hub of a cluster over the same store
        shared.onReceipt(new Receipt("0A1B2C04", "UNDELIV", "001")).get(5, TimeUnit.SECONDS);
        assertEquals("FAILED", state("re-3"), "found through the index");
        assertEquals("DELIVERED", state("re-2"));
    }

    @Test
    void withoutReceiptsNothingIsIndexedAtTheStop() throws Exception {
        MtOutbox none = outbox(ReceiptMatching.of(false, false));
        none.send(new OutboundSms("re-5", "+8613800000045", "PRICE MAIZE 2.45", OutboundSms.Priority.REPLY, "reply"))
                .get(5, TimeUnit.SECONDS);
        submitNext(none, "0A1B2C05");
        none.close();
        assertEquals(0, index().countDocuments(), "no receipt will come: nothing to index");
        assertEquals("SUBMITTED", state("re-5"));
        assertEquals(ReceiptMatching.NONE, ReceiptMatching.of(false, true));
        assertEquals(ReceiptMatching.IN_MEMORY, ReceiptMatching.of(true, false));
        assertEquals(ReceiptMatching.SHARED_INDEX, ReceiptMatching.of(true, true));
    }

    private MtOutbox outbox(ReceiptMatching matching) throws InterruptedException {
        Thread.sleep(2); // run ids are start times in ms
        MtOutbox o = new MtOutbox(store.collection("sms_mt", Document.class), index(),
                store.collection("sms_orphan_receipts", Document.class), s -> { }, Clock.systemUTC(), 4, matching);
        outboxes.add(o);
        return o;
    }

    /** The next queued part, as the SMSC took it with this id; returns once its answer is stored. */
    private static void submitNext(MtOutbox outbox, String smscId) throws Exception {
        MtOutbox.Job job = outbox.next(1_000);
        assertNotNull(job, "a part to submit");
        outbox.submitted(job, smscId).get(5, TimeUnit.SECONDS);
    }

    private MongoCollection<Document> index() {
        return store.collection("sms_receipts_index", Document.class);
    }

    private String state(String id) {
        Document d = store.collection("sms_mt", Document.class).find(new Document("_id", id)).first();
        return d == null ? "" : d.getString("state");
    }
}
