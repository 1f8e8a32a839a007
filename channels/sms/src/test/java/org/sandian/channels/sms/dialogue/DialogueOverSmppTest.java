package org.sandian.channels.sms.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.codec.MtSplitter;

/**
 * A farmer's handset texting the hub over a real SMPP bind to the simulator: MO stored by the SMS
 * channel, answered by the dialogue through the answer engine on the demo content, the reply
 * submitted back and read as the handset shows it.
 */
class DialogueOverSmppTest {

    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static SmppDialogueBed bed;

    @BeforeAll
    static void start() throws Exception {
        bed = SmppDialogueBed.start(SmppDialogueBed.options());
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    /** The reply to {@code text} starts with (or contains) {@code expected}. */
    private static void expect(String farmer, String text, boolean atStart, String expected) {
        String reply = bed.ask(farmer, text);
        assertTrue(atStart ? reply.startsWith(expected) : reply.contains(expected), text + " -> " + reply);
    }

    private static String newFarmer() {
        return "+86139" + String.format("%08d", NUMBERS.incrementAndGet());
    }

    @Test
    void everyContentKeywordIsAnsweredInChinese() {
        String f = newFarmer();
        expect(f, "价格玉米", true, "玉米 ");
        expect(f, "JG 苞谷", true, "玉米 ");
        expect(f, "苞谷", true, "玉米 ");
        expect(f, "技术 水稻", true, "【稻谷·");
        expect(f, "政策", false, "通知");
        expect(f, "帮助", false, "价格 玉米");
        expect(f, "?", false, "价格 玉米");
        expect(f, "天气怎么样", false, "回复\"帮助\"看菜单");
    }

    @Test
    void everyContentKeywordIsAnsweredInEnglishWhenAskedInEnglish() {
        String f = newFarmer();
        expect(f, "ＰＲＩＣＥ　ＭＡＩＺＥ　ＷＵＨＡＮ", true, "Maize Wuhan ");
        expect(f, "PRCIE MAIZE", true, "Maize ");
        expect(f, "TIP PADDY", true, "[Paddy rice - ");
        expect(f, "NEWS", true, "Nov ");
        expect(f, "HELP", true, "Send: PRICE MAIZE");
        expect(f, "xyzzy", true, "Nothing found for \"xyzzy\"");
    }

    @Test
    void aNumberTextingTooFastGetsTenRepliesOneNoticeThenSilence() {
        String f = newFarmer();
        for (int i = 0; i < 14; i++) bed.send(f, "帮助");
        bed.awaitQuiet();
        List<String> got = bed.received(f);
        assertEquals(11, got.size(), got.toString());
        assertEquals("您发送的短信过于频繁，请稍后再发。", got.get(10));
    }

    @Test
    void ourOwnShortCodeIsNeverAnswered() {
        bed.send("+86" + SmppDialogueBed.SHORT_CODE, "帮助");
        bed.send(SmppDialogueBed.SHORT_CODE, "HELP");
        bed.awaitQuiet();
        assertTrue(bed.received("+86" + SmppDialogueBed.SHORT_CODE).isEmpty());
        assertTrue(bed.received(SmppDialogueBed.SHORT_CODE).isEmpty());
    }

    @Test
    void longAnswerIsPagedWithMoreAndEachPageArrivesInAtMostTwoParts() {
        String f = newFarmer();
        List<String> pages = new ArrayList<>();
        pages.add(bed.ask(f, "价格 玉米"));
        while (pages.get(pages.size() - 1).endsWith("回复\"更多\"看下一页")) pages.add(bed.ask(f, "更多"));
        assertEquals(3, pages.size(), pages.toString());
        assertEquals(9, pages.stream().flatMap(String::lines).filter(l -> l.startsWith("玉米 ")).count());
        pages.forEach(p -> assertTrue(MtSplitter.partsNeeded(p) <= 2, p));
        bed.sim.messages().stream().filter(m -> m.to().endsWith(f.substring(1)))
                .forEach(m -> assertTrue(m.parts().size() <= 2, m.text()));
        expect(f, "更多", true, "没有更多内容了");
        String en = bed.ask(f, "PRICE PIG");
        assertTrue(en.endsWith("Reply MORE for next page"), en);
        assertFalse(bed.ask(f, "MORE").equals(en));
    }

    @Test
    void questionGetsATicketNumberAndStatusTellsItsState() {
        String f = newFarmer();
        String ack = bed.ask(f, "问 玉米叶子发黄怎么办？");
        Matcher m = Pattern.compile("编号(\\S+?)。").matcher(ack);
        assertTrue(m.find(), ack);
        String number = m.group(1);
        assertEquals("咨询" + number + "：已受理，待答复", bed.ask(f, "查询 " + number));
        assertEquals("咨询" + number + "：已受理，待答复", bed.ask(f, "查询" + number));

        String complaint = bed.ask(f, "COMPLAIN the seed shop sold fake maize seed");
        Matcher c = Pattern.compile("number (\\S+)\\.").matcher(complaint);
        assertTrue(complaint.startsWith("Complaint received") && c.find(), complaint);
        assertTrue(bed.ask(f, "STATUS " + c.group(1)).startsWith("Complaint " + c.group(1) + ": received"));
        assertTrue(bed.ask(newFarmer(), "查询 " + number).startsWith("没有找到编号"), "other phones see nothing");
    }

    @Test
    void longQuestionSentInSeveralPartsIsOneTicket() {
        String f = newFarmer();
        String question = "问 " + "我家的玉米叶子从下往上发黄，已经施过一次尿素，最近雨水多，请问是什么原因，应该怎么处理？".repeat(2);
        bed.sendLong(f, question, new int[]{2, 1});
        SmppDialogueBed.await(() -> bed.received(f).size() == 1, 10_000, "the ticket");
        assertTrue(bed.received(f).get(0).startsWith("您的咨询已受理，编号"), bed.received(f).toString());
        bed.awaitQuiet();
        assertEquals(1, bed.received(f).size(), "one reply for one (multi-part) question");
    }

    @Test
    void stopTakesEffectAtOnceIsConfirmedOnceAndAllowsComingBack() {
        Assumptions.assumeTrue(bed.directory, "broadcast's subscriber directory is not on sms's test class path"
                + " (add sandian-broadcast as a test dependency of channels/sms to run this)");
        String f = newFarmer();
        expect(f, "订阅 价格 玉米", true, "已订阅价格：玉米");
        expect(f, "TD", true, "已退订");
        bed.send(f, "退订");
        bed.awaitQuiet();
        assertEquals(2, bed.received(f).size(), "a second stop is not confirmed again");
        String g = newFarmer();
        assertTrue(bed.ask(g, "STOP").startsWith("You are unsubscribed"));
        assertTrue(bed.ask(g, "LANG EN").startsWith("OK, replies"));
        assertTrue(bed.ask(g, "?").startsWith("Send: PRICE MAIZE"), "no language in \"?\": his profile's is used");
    }
}
