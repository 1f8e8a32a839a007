package org.sandian.channels.sms.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.Candidate;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.answer.PriceRow;
import org.sandian.content.answer.Query;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Lang;
import org.sandian.content.model.LocalizedText;
import org.sandian.content.model.Market;

/** Every answer kind through its template, in both languages, exactly as the farmer reads it. */
class SmsRendererTest {

    private static final SmsRenderer RENDERER = new SmsRenderer(ZoneId.of("Asia/Shanghai"));
    private static final Commodity MAIZE = new Commodity("104", LocalizedText.of("玉米", "Maize"), List.of(),
            LocalizedText.of("元/公斤", "yuan/kg"), "grain", null);
    private static final Market BAISHAZHOU = new Market("wuhan-baishazhou",
            LocalizedText.of("武汉白沙洲农副产品大市场", "Wuhan Baishazhou Agricultural Products Market"), "420111000000", null);
    private static final Candidate MAIZE_CANDIDATE = new Candidate(Candidate.Kind.COMMODITY, "104", MAIZE.name());

    @Test
    void priceRowShowsShortMarketUnitMovementAndDateInEachLanguage() {
        PriceRow row = new PriceRow(BAISHAZHOU, LocalDate.of(2026, 11, 22), new BigDecimal("1.2"),
                new BigDecimal("1.25"), new BigDecimal("1.3"), new BigDecimal("1.22"), "元/公斤");
        assertEquals("玉米 武汉白沙洲 1.25元/公斤 ↑0.03 (11月22日)",
                render(new Answer.Prices(Lang.ZH, MAIZE, null, List.of(row)), Intent.PRICE));
        assertEquals("Maize Wuhan Baishazhou 1.25 yuan/kg +0.03 (Nov 22)",
                render(new Answer.Prices(Lang.EN, MAIZE, null, List.of(row)), Intent.PRICE));
        PriceRow down = new PriceRow(BAISHAZHOU, LocalDate.of(2026, 11, 2), null, new BigDecimal("2"), null,
                new BigDecimal("2.5"), "元/公斤");
        assertEquals("Maize Wuhan Baishazhou 2.00 yuan/kg -0.50 (Nov 2)",
                render(new Answer.Prices(Lang.EN, MAIZE, null, List.of(down)), Intent.PRICE));
        PriceRow first = new PriceRow(BAISHAZHOU, LocalDate.of(2026, 1, 5), null, new BigDecimal("2"), null, null, "元/公斤");
        assertEquals("玉米 武汉白沙洲 2.00元/公斤 (1月5日)",
                render(new Answer.Prices(Lang.ZH, MAIZE, null, List.of(first)), Intent.PRICE));
    }

    @Test
    void noRecentPricesSaysSo() {
        assertEquals("暂无玉米的近期价格。回复\"帮助\"看菜单。",
                render(new Answer.Prices(Lang.ZH, MAIZE, null, List.of()), Intent.PRICE));
        assertEquals("No recent prices for Maize. Reply HELP for the menu.",
                render(new Answer.Prices(Lang.EN, MAIZE, null, List.of()), Intent.PRICE));
    }

    @Test
    void notFoundOffersTheNearestMatchWithTheHelpHint() {
        assertEquals("您是不是要查：价格 玉米？回复\"帮助\"看菜单。", render(new Answer.NotFound(Lang.ZH, Intent.GUESS,
                "玉木木", Intent.PRICE, MAIZE_CANDIDATE), Intent.GUESS));
        assertEquals("Did you mean: PRICE Maize? Reply HELP for the menu.", render(new Answer.NotFound(Lang.EN,
                Intent.PRICE, "maizzzzze", Intent.PRICE, MAIZE_CANDIDATE), Intent.PRICE));
        assertEquals("您是不是要查：技术 玉米？回复\"帮助\"看菜单。", render(new Answer.NotFound(Lang.ZH, Intent.GUIDANCE,
                "玉木木", Intent.GUIDANCE, MAIZE_CANDIDATE), Intent.GUIDANCE));
        assertEquals("请在关键词后写品种，如\"价格 玉米\"。回复\"帮助\"看菜单。",
                render(new Answer.NotFound(Lang.ZH, Intent.PRICE, "", null, null), Intent.PRICE));
        assertEquals("没有找到编号\"Q99\"。请发：查询 编号。",
                render(new Answer.NotFound(Lang.ZH, Intent.STATUS, "Q99", null, null), Intent.STATUS));
    }

    @Test
    void eachActionIsConfirmedInItsOwnWords() {
        assertEquals("已订阅价格：玉米。回复TD退订。", render(new Answer.Done(Lang.ZH, Intent.SUBSCRIBE, "price:104",
                "subscribed"), Intent.SUBSCRIBE, "价格 玉米"));
        assertEquals("Subscribed to prices: MAIZE. Reply STOP to unsubscribe.", render(new Answer.Done(Lang.EN,
                Intent.SUBSCRIBE, "price:104", "subscribed"), Intent.SUBSCRIBE, "PRICE MAIZE"));
        assertEquals("已退订，本平台不再向您发送短信。如需恢复，回复\"订阅 政策\"等。",
                render(new Answer.Done(Lang.ZH, Intent.UNSUBSCRIBE, "+8613800000000", "stopped"), Intent.UNSUBSCRIBE));
        assertEquals("You are unsubscribed and will get no more messages from us. Reply SUB NEWS or similar to come back.",
                render(new Answer.Done(Lang.EN, Intent.UNSUBSCRIBE, "+8613800000000", "stopped"), Intent.UNSUBSCRIBE));
        assertEquals("已登记：白沙洲街道 玉米。发\"价格 玉米\"查附近市场价格。", render(new Answer.Done(Lang.ZH,
                Intent.REGISTER, "420111001000", "registered"), Intent.REGISTER, "白沙洲街道 玉米"));
        assertEquals("OK, replies will now be in English.",
                render(new Answer.Done(Lang.EN, Intent.LANGUAGE, "en", "language"), Intent.LANGUAGE, "EN"));
        assertEquals("好的，以后用中文回复您。",
                render(new Answer.Done(Lang.ZH, Intent.LANGUAGE, "zh", "language"), Intent.LANGUAGE, "中文"));
    }

    @Test
    void ticketsAreAcknowledgedWithTheirNumberAndStatusShowsTheAnswer() {
        Instant created = Instant.parse("2026-11-22T01:00:00Z");
        assertEquals("您的咨询已受理，编号Q2611220001。答复后短信通知您，发\"查询 Q2611220001\"看进度。",
                render(new Answer.Ticket(Lang.ZH, "Q2611220001", Intent.ASK, "open", null, created), Intent.ASK));
        assertEquals("您的投诉已受理，编号C2611220002。答复后短信通知您，发\"查询 C2611220002\"看进度。",
                render(new Answer.Ticket(Lang.ZH, "C2611220002", Intent.COMPLAIN, "open", null, created), Intent.COMPLAIN));
        assertEquals("Question received, number Q2611220001. We will text you the answer; send STATUS Q2611220001 to check.",
                render(new Answer.Ticket(Lang.EN, "Q2611220001", Intent.ASK, "open", null, created), Intent.ASK));
        assertEquals("咨询Q2611220001：已答复。答复：叶片发黄多为缺氮，每亩追施尿素5公斤",
                render(new Answer.Ticket(Lang.ZH, "Q2611220001", Intent.ASK, "answered", "叶片发黄多为缺氮，每亩追施尿素5公斤",
                        created), Intent.STATUS));
        assertEquals("Question Q2611220001: received, awaiting an answer",
                render(new Answer.Ticket(Lang.EN, "Q2611220001", Intent.ASK, "open", null, created), Intent.STATUS));
    }

    @Test
    void failuresArePoliteAndChoicesAreReadyToSendBack() {
        assertEquals("系统繁忙，请稍后再试。", render(new Answer.Failed(Lang.ZH, Intent.PRICE, "unavailable"), Intent.PRICE));
        assertEquals("Sorry, that could not be done. Please check and resend, or reply HELP.",
                render(new Answer.Failed(Lang.EN, Intent.REGISTER, "bad-region"), Intent.REGISTER));
        Candidate sweet = new Candidate(Candidate.Kind.COMMODITY, "115", LocalizedText.of("红薯", "Sweet potato"));
        Candidate potato = new Candidate(Candidate.Kind.COMMODITY, "112", LocalizedText.of("马铃薯", "Potato"));
        assertEquals("\"薯\"有多个匹配，请回复其中一项：\n价格 红薯\n价格 马铃薯",
                render(new Answer.Choose(Lang.ZH, "薯", List.of(sweet, potato)), Intent.GUESS));
    }

    private static String render(Answer answer, Intent intent) {
        return render(answer, intent, "");
    }

    private static String render(Answer answer, Intent intent, String terms) {
        Query q = new Query(intent, terms, answer.lang(), Channel.SMS, "+8613800000000", null, 1);
        return RENDERER.render(answer, q);
    }

    @Test
    void tidyDropsTrailingSpacesAndBlankLinesButKeepsSpacesInsideLines() {
        assertEquals("a\nb  c", SmsRenderer.tidy("\n a \t\n\n \nb  c \n"));
        assertEquals("玉米 白沙洲\t1.25\n稻谷", SmsRenderer.tidy("玉米 白沙洲\t1.25 \n\t\n\n稻谷\t"));
    }

    @Test
    void aRememberedTextNeverOutlivesItsAnswer() {
        PriceRow monday = new PriceRow(BAISHAZHOU, LocalDate.of(2026, 11, 23), null, new BigDecimal("1.25"), null,
                new BigDecimal("1.25"), "元/公斤");
        PriceRow tuesday = new PriceRow(BAISHAZHOU, LocalDate.of(2026, 11, 24), null, new BigDecimal("1.31"), null,
                new BigDecimal("1.25"), "元/公斤");
        assertEquals("玉米 武汉白沙洲 1.25元/公斤 持平 (11月23日)",
                render(new Answer.Prices(Lang.ZH, MAIZE, null, List.of(monday)), Intent.PRICE));
        assertEquals("玉米 武汉白沙洲 1.31元/公斤 ↑0.06 (11月24日)",
                render(new Answer.Prices(Lang.ZH, MAIZE, null, List.of(tuesday)), Intent.PRICE));
        assertEquals("Maize Wuhan Baishazhou 1.31 yuan/kg +0.06 (Nov 24)",
                render(new Answer.Prices(Lang.EN, MAIZE, null, List.of(tuesday)), Intent.PRICE));
    }
}
