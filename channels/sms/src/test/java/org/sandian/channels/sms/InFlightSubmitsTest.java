package org.sandian.channels.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.codec.MtPart;
import org.sandian.channels.sms.codec.MtSplitter;
import org.sandian.channels.sms.mt.MtOutbox;
import org.sandian.channels.sms.sim.SimMessage;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.bus.OutboundSms.Priority;

/**
 * Submits the SMSC took whose answers the hub never stored: the hub stopped (played here by a
 * plain transmitter bind submitting them, then going away), or the connection dropped before the
 * answer. Only what the SMSC does not have is sent again: its receipts, kept until a hub is bound
 * to take them, show which parts it took. Counted at the simulator.
 */
class InFlightSubmitsTest {

    private final SmsTestBed bed = new SmsTestBed();

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void partsTheSmscTookBeforeTheStopAreRecordedFromTheirReceiptsNotSentAgain() throws Exception {
        bed.startSim().openStore();
        String withReceipt = "+8613800000031";
        String twoParts = "+8613800000032";
        String noReceipt = "+8613800000033";
        String neverSent = "+8613800000034";
        String longText = "霜冻预警：今夜至明晨全县最低气温降至零下三度，请及时覆盖油菜苗床，蔬菜大棚夜间加盖草帘保温，"
                + "柑橘园灌水防冻，注意收听后续天气预报。县农业农村局";
        // The hub that stops: its MTs are queued in the store, and some parts reach the SMSC.
        try (MtOutbox dying = new MtOutbox(bed.store.collection("sms_mt", Document.class),
                bed.store.collection("sms_receipts_index", Document.class),
                bed.store.collection("sms_orphan_receipts", Document.class), s -> { }, Clock.systemUTC(), 6)) {
            dying.send(new OutboundSms("bc-1", withReceipt, "霜冻预警 Frost tonight", Priority.BULK, "broadcast")).get(5, TimeUnit.SECONDS);
            dying.send(new OutboundSms("bc-2", twoParts, longText, Priority.BULK, "broadcast")).get(5, TimeUnit.SECONDS);
            dying.send(new OutboundSms("bc-3", noReceipt, "Frost tonight", Priority.BULK, "broadcast")).get(5, TimeUnit.SECONDS);
            dying.send(new OutboundSms("bc-4", neverSent, "霜冻预警", Priority.BULK, "broadcast")).get(5, TimeUnit.SECONDS);
        }
        int ref = bed.store.collection("sms_mt", Document.class).find(new Document("_id", "bc-2")).first().getInteger("ref");
        List<MtPart> parts = MtSplitter.split(longText, ref, 6);
        assertEquals(2, parts.size(), "a two-part message");
        SMPPSession dying = transmitter();
        submit(dying, withReceipt, MtSplitter.split("霜冻预警 Frost tonight", 1, 6).get(0), true);
        submit(dying, twoParts, parts.get(0), true); // its second part never went
        submit(dying, noReceipt, MtSplitter.split("Frost tonight", 3, 6).get(0), false);
        dying.unbindAndClose();

        bed.deploy(bed.options());
        SmsTestBed.await(() -> state("bc-1").equals("DELIVERED"), 20_000, "bc-1 delivered, known from its receipt");
        SmsTestBed.await(() -> state("bc-2").equals("DELIVERED") && state("bc-3").equals("DELIVERED")
                && state("bc-4").equals("DELIVERED"), 20_000, "the others sent and delivered");

        assertEquals(1, messagesTo(withReceipt), "taken by the SMSC before the stop: not sent again");
        assertEquals(2, submitsTo(twoParts), "its first part once, then only the part that never went");
        assertEquals(2, messagesTo(noReceipt), "no receipt for it: sent again rather than perhaps never");
        assertEquals(1, messagesTo(neverSent));
        assertEquals(0, bed.store.collection("sms_orphan_receipts", Document.class).countDocuments(),
                "every orphan receipt found its part");
    }

    @Test
    void aSubmitTheSmscTookJustBeforeTheConnectionDroppedIsNotSentAgain() throws Exception {
        bed.startSim().deploy(bed.options());
        bed.awaitBound();
        String phone = "+8613800000035";
        bed.sim.setDropAfterTaking(1);
        bed.channel.sender().send(new OutboundSms("re-drop-1", phone, "玉米 白沙洲 2.45元/斤", Priority.REPLY, "reply"))
                .get(5, TimeUnit.SECONDS);
        SmsTestBed.await(() -> state("re-drop-1").equals("DELIVERED"), 30_000, "delivered, known from its receipt");
        Thread.sleep(1_000); // a second copy would arrive now
        assertEquals(1, bed.sim.drops(), "the connection was dropped with the submit unanswered");
        assertEquals(1, messagesTo(phone), "the SMSC had it: not sent again");

        String other = "+8613800000036";
        bed.sim.setDropAfter(1); // this time the SMSC drops the connection without taking it
        bed.channel.sender().send(new OutboundSms("re-drop-2", other, "PRICE MAIZE 2.45", Priority.REPLY, "reply"))
                .get(5, TimeUnit.SECONDS);
        SmsTestBed.await(() -> state("re-drop-2").equals("DELIVERED"), 30_000, "sent again after the rebind");
        assertEquals(1, messagesTo(other), "not lost");
    }

    private SMPPSession transmitter() throws Exception {
        SMPPSession s = new SMPPSession();
        s.connectAndBind("127.0.0.1", bed.port, new BindParameter(BindType.BIND_TX, "sandian", "secret", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        return s;
    }

    private static void submit(SMPPSession s, String to, MtPart part, boolean receipt) throws Exception {
        s.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "12316",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to.substring(1),
                new ESMClass(part.udh() ? 0x40 : 0x00), (byte) 0, (byte) 0, null, null,
                new RegisteredDelivery(receipt ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT),
                (byte) 0, DataCodings.newInstance(part.dataCoding()), (byte) 0, part.userData());
    }

    private String state(String id) {
        Document d = bed.store.collection("sms_mt", Document.class).find(new Document("_id", id)).first();
        return d == null ? "" : d.getString("state");
    }

    private long messagesTo(String phone) {
        return bed.sim.messages().stream().map(SimMessage::to).filter(phone.substring(1)::equals).count();
    }

    private long submitsTo(String phone) {
        return bed.sim.submits().stream().filter(s -> s.to().equals(phone.substring(1))).count();
    }
}
