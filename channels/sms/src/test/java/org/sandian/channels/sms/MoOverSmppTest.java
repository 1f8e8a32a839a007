package org.sandian.channels.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.sim.SmscSimulator.ConcatMode;

class MoOverSmppTest {

    private SmsTestBed bed;

    @BeforeEach
    void setUp() throws Exception {
        bed = new SmsTestBed().startSim();
        bed.deploy(bed.options().withTimers(Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(400),
                Duration.ofMillis(800)));
        bed.awaitBound();
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    private InboundMessage awaitText(String text) {
        SmsTestBed.await(() -> bed.received.stream().anyMatch(m -> m.text().equals(text)), 5_000, "MO " + text);
        return bed.received.stream().filter(m -> m.text().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void chineseMoIsStoredThenHandedToTheHandlerWithE164Sender() {
        bed.sim.injectMo("8613800000001", "12316", "价格 玉米", 8);
        InboundMessage m = awaitText("价格 玉米");
        assertEquals("+8613800000001", m.from());
        assertEquals("12316", m.to());
        Document stored = bed.store.collection("sms_mo", Document.class).find(new Document("_id", m.id())).first();
        assertNotNull(stored, "stored before being handed over");
        assertEquals("价格 玉米", stored.getString("text"));
    }

    @Test
    void gsm7WithEscapesLatin1AndUcs2AreDecodedRight() {
        bed.sim.injectMo("8613800000002", "12316", "PRICE {MAIZE} 2€ [WUHAN]", 0);
        bed.sim.injectMo("8613800000002", "12316", "café señor", 3);
        bed.sim.injectMo("8613800000002", "12316", "技术 水稻", 8);
        awaitText("PRICE {MAIZE} 2€ [WUHAN]");
        awaitText("café señor");
        awaitText("技术 水稻");
    }

    @Test
    void longMoInPartsOutOfOrderIsJoinedWhateverTheConcatenationKind() {
        String text = "问 我家玉米叶子发黄有斑点，是什么病，应该打什么药，多久打一次，谢谢农技站的专家们帮忙看看";
        bed.sim.injectLongMo("8613800000003", "12316", text, 8, 12, ConcatMode.UDH8, 7, new int[]{3, 1, 4, 2});
        assertEquals(text, awaitText(text).text());
        String en = "ASK my maize leaves turn yellow with brown spots what should I spray and how often thanks";
        bed.sim.injectLongMo("8613800000004", "12316", en, 0, 30, ConcatMode.UDH16, 0x1234, new int[]{2, 3, 1});
        awaitText(en);
        String sar = "投诉 村里的收购点压价严重，请有关部门核查处理";
        bed.sim.injectLongMo("8613800000005", "12316", sar, 8, 10, ConcatMode.SAR, 99, new int[]{2, 1, 3});
        awaitText(sar);
        assertEquals(3, bed.received.size(), "each long MO handed over once");
    }

    @Test
    void incompleteLongMoTimesOutAndIsHandledWithThePartsReceived() {
        bed.sim.injectLongMo("8613800000006", "12316", "AAAAABBBBBCCCCC", 0, 5, ConcatMode.UDH8, 5, new int[]{1, 3});
        InboundMessage m = awaitText("AAAAACCCCC");
        assertTrue(m.id().startsWith("mo-"));
    }

    @Test
    void sameTextTwiceOnALiveSessionIsTwoMessages() {
        bed.sim.injectMo("8613800000007", "12316", "MORE", 0);
        bed.sim.injectMo("8613800000007", "12316", "MORE", 0);
        SmsTestBed.await(() -> bed.received.stream().filter(m -> m.text().equals("MORE")).count() == 2, 5_000,
                "two MORE");
    }

    @Test
    void partsStoredBeforeARestartAreJoinedWithPartsThatComeAfterIt() throws Exception {
        bed.sim.injectLongMo("8613800000010", "12316", "注册 红星村 水稻 玉米", 8, 6, ConcatMode.UDH8, 42, new int[]{1});
        assertTrue(bed.sim.awaitMoDelivered(5_000));
        bed.undeploy();
        bed.deploy(bed.options());
        bed.awaitBound();
        bed.sim.injectLongMo("8613800000010", "12316", "注册 红星村 水稻 玉米", 8, 6, ConcatMode.UDH8, 42, new int[]{2});
        assertEquals("注册 红星村 水稻 玉米", awaitText("注册 红星村 水稻 玉米").text());
    }
}
