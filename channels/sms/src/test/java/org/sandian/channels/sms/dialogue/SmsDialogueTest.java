package org.sandian.channels.sms.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.InboundMessage;
import org.sandian.channels.sms.codec.MtSplitter;
import org.sandian.content.bus.OutboundSms;

/**
 * The dialogue over the real answer engine and the demo content, replies captured where the SMS
 * channel would queue them (the SMPP path is in the integration test).
 */
class SmsDialogueTest {

    private static final String OWN = "12316";
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static AnswerHub hub;

    private final BlockingQueue<OutboundSms> sent = new LinkedBlockingQueue<>();
    private SmsDialogue dialogue;
    private String farmer;

    @BeforeAll
    static void startHub() {
        hub = AnswerHub.start();
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @BeforeEach
    void newFarmer() {
        DialogueOptions options = DialogueOptions.defaults(Set.of(OWN)).withZone(AnswerHub.ZONE,
                org.sandian.content.model.Lang.ZH);
        dialogue = new SmsDialogue(hub.vertx, options, sms -> {
            sent.add(sms);
            return CompletableFuture.completedFuture("mt-" + sent.size());
        }, AnswerHub.CLOCK);
        farmer = "+86138" + String.format("%08d", NUMBERS.incrementAndGet());
    }

    @Test
    void chinesePriceAnswerFitsTwoPartsAndPagesWithMoreUntilEveryMarketIsShown() {
        List<String> pages = new ArrayList<>();
        pages.add(ask("价格玉米"));
        while (pages.get(pages.size() - 1).endsWith("回复\"更多\"看下一页")) pages.add(ask("更多"));
        assertTrue(pages.size() >= 2, "9 markets need more than one page: " + pages);
        String first = pages.get(0);
        assertTrue(first.startsWith("玉米 "), first);
        assertTrue(first.contains("元/公斤") && first.contains("(11月22日)"), first);
        for (String page : pages) {
            assertTrue(page.length() <= 134, "over 2 UCS-2 parts: " + page.length() + " " + page);
            assertTrue(MtSplitter.partsNeeded(page) <= 2, page);
        }
        long rows = pages.stream().flatMap(p -> p.lines()).filter(l -> l.startsWith("玉米 ")).count();
        assertEquals(9, rows, "one row per demo market, none lost or repeated: " + pages);
        assertEquals("没有更多内容了。回复\"帮助\"看菜单。", ask("更多"));
    }

    @Test
    void englishPriceQueryWithMarketAnswersInEnglishWithinTwoGsmParts() {
        String reply = ask("PRICE MAIZE WUHAN");
        assertTrue(reply.startsWith("Maize Wuhan "), reply);
        assertTrue(reply.contains(" yuan/kg") && reply.contains("(Nov 22)"), reply);
        assertTrue(reply.length() <= 306 && MtSplitter.partsNeeded(reply) <= 2, reply);
        assertFalse(reply.contains("玉米"), reply);
    }

    @Test
    void bareDialectNameAndTypoGetThePrice() {
        assertTrue(ask("苞谷").startsWith("玉米 "));
        assertTrue(ask("PRCIE MAIZE").startsWith("Maize "));
        assertTrue(ask("ＪＧ　玉米").startsWith("玉米 "));
    }

    @Test
    void guidanceAndNoticesAnswerInBothLanguages() {
        String tips = ask("技术 水稻");
        assertTrue(tips.startsWith("【稻谷·"), tips);
        assertTrue(MtSplitter.partsNeeded(tips) <= 2, tips);
        String tipsEn = ask("TIP PADDY");
        assertTrue(tipsEn.startsWith("[Paddy rice - "), tipsEn);
        assertTrue(MtSplitter.partsNeeded(tipsEn) <= 2, tipsEn);
        String notices = ask("政策");
        assertTrue(notices.contains("月"), notices);
        assertTrue(MtSplitter.partsNeeded(notices) <= 2, notices);
        String news = ask("NEWS");
        assertFalse(news.isBlank());
        assertTrue(MtSplitter.partsNeeded(news) <= 2, news);
    }

    @Test
    void helpIsOneShortMenuInEachLanguage() {
        String zh = ask("帮助");
        assertTrue(zh.contains("价格 玉米") && zh.contains("TD"), zh);
        assertTrue(zh.length() <= 134, zh);
        String en = ask("HELP");
        assertTrue(en.contains("PRICE MAIZE") && en.contains("STOP"), en);
        assertTrue(MtSplitter.partsNeeded(en) <= 2, en);
        assertEquals(zh, ask("？"));
    }

    @Test
    void misspeltCommodityStillGetsItsPriceAndUnknownWordsGetTheHelpHint() {
        assertTrue(ask("价格 玉咪米").startsWith("玉米 "));
        assertEquals("没有找到\"天气怎么样\"。回复\"帮助\"看菜单。", ask("天气怎么样"));
        assertEquals("Nothing found for \"xyzzy\". Reply HELP for the menu.", ask("xyzzy"));
    }

    @Test
    void ambiguousWordOffersEachChoiceAsAReadyReply() {
        assertEquals("\"RICE\" matches several. Reply one of:\nTIP Paddy rice\nTIP Milled rice", ask("TIP RICE"));
    }

    @Test
    void overTheReplyLimitOneNoticeThenSilence() {
        for (int i = 0; i < 10; i++) assertTrue(ask("玉米").startsWith("玉米 "));
        assertEquals("您发送的短信过于频繁，请稍后再发。", ask("玉米"));
        dialogue.onMessage(mo("玉米"));
        dialogue.onMessage(mo("帮助"));
        assertQuiet();
    }

    @Test
    void ourOwnNumbersAreNeverAnswered() {
        dialogue.onMessage(new InboundMessage("mo-own", OWN, OWN, "帮助", Instant.now()));
        dialogue.onMessage(new InboundMessage("mo-own2", "+86" + OWN, OWN, "帮助", Instant.now()));
        assertQuiet();
    }

    @Test
    void messagesOfOneNumberAreAnsweredInOrder() {
        for (int i = 0; i < 5; i++) {
            dialogue.onMessage(mo(i % 2 == 0 ? "帮助" : "HELP"));
        }
        for (int i = 0; i < 5; i++) {
            String reply = next();
            assertEquals(i % 2 == 0, reply.contains("价格 玉米"), "reply " + i + " out of order: " + reply);
        }
    }

    private String ask(String text) {
        dialogue.onMessage(mo(text));
        return next();
    }

    private String next() {
        try {
            OutboundSms sms = sent.poll(10, TimeUnit.SECONDS);
            assertNotNull(sms, "no reply within 10 s");
            assertEquals(farmer, sms.to());
            assertEquals(OutboundSms.Priority.REPLY, sms.priority());
            return sms.text();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private InboundMessage mo(String text) {
        return new InboundMessage("mo-" + System.nanoTime(), farmer, OWN, text, Instant.now());
    }

    /** Waits until the dialogue has nothing in progress, then checks nothing was sent. */
    private void assertQuiet() {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (dialogue.inProgress() > 0 && System.nanoTime() < until) Thread.onSpinWait();
        assertEquals(0, dialogue.inProgress());
        assertTrue(sent.isEmpty(), "unexpected reply: " + sent.peek());
    }
}
