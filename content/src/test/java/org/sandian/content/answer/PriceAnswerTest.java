package org.sandian.content.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sandian.content.demo.DemoSnapshot;
import org.sandian.content.model.Lang;
import org.sandian.content.model.Price;
import org.sandian.content.model.RegionCode;

/** Price questions over the demo content, as channels ask them after stripping their keyword. */
class PriceAnswerTest {

    static final String WUHAN = "420100000000";
    static final Set<String> WUHAN_MARKETS = Set.of("wuhan-baishazhou", "wuhan-sijimei");

    final AnswerEngine engine = DemoSnapshot.engine();

    @Test
    void runTogetherChineseFindsCommodityAndPlace() {
        // "价格玉米武汉": the SMS channel strips 价格 and passes the rest as it came.
        Answer.Prices a = prices(Query.of(Intent.PRICE, "玉米武汉", Lang.ZH, Channel.SMS));
        assertEquals("104", a.commodity().code());
        assertEquals(new Candidate(Candidate.Kind.REGION, WUHAN, a.place().name()), a.place());
        assertEquals("武汉市", a.place().name().zh());
        assertEquals(WUHAN_MARKETS, marketIds(a.rows()));
    }

    @Test
    void upperCaseEnglishGivesWuhansMarketsFirst() {
        Answer.Prices a = prices(Query.of(Intent.PRICE, "MAIZE WUHAN", Lang.EN, Channel.SMS));
        assertEquals(Lang.EN, a.lang());
        assertEquals("104", a.commodity().code());
        assertEquals(WUHAN, a.place().code());
        assertEquals(WUHAN_MARKETS, marketIds(a.rows().subList(0, 2)));
        a.rows().forEach(r -> assertTrue(RegionCode.isWithin(r.market().regionCode(), WUHAN), r.market().id()));
    }

    @Test
    void wordOrderDoesNotMatter() {
        for (String terms : List.of("wuhan corn", "wuhan maiz", "武汉 苞谷")) {
            Answer.Prices a = prices(Query.of(Intent.PRICE, terms, Lang.EN, Channel.SMS));
            assertEquals("104", a.commodity().code(), terms);
            assertEquals(WUHAN, a.place().code(), terms);
        }
    }

    @Test
    void aPlaceRunTogetherBeforeTheNameIsFoundToo() {
        Answer.Prices a = prices(Query.of(Intent.PRICE, "武汉玉米", Lang.ZH, Channel.SMS));
        assertEquals("104", a.commodity().code());
        assertEquals(WUHAN, a.place().code());
    }

    @Test
    void namesOfSeveralWordsAreNotTakenForTheirLastWord() {
        // "sweet potato" is 红薯, not the potato (马铃薯) its last word names.
        Answer.Prices sweet = prices(Query.of(Intent.PRICE, "sweet potato wuhan", Lang.EN, Channel.SMS));
        assertEquals("115", sweet.commodity().code());
        assertEquals(WUHAN, sweet.place().code());
        Answer.Prices cabbage = prices(Query.of(Intent.PRICE, "chinese cabbage changsha", Lang.EN, Channel.SMS));
        assertEquals("113", cabbage.commodity().code());
        assertEquals("430100000000", cabbage.place().code());
        assertEquals("104", prices(Query.of(Intent.PRICE, "yu mi", Lang.ZH, Channel.SMS)).commodity().code());
    }

    @Test
    void severalPlaceWordsGiveTheSmallestPlaceNamed() {
        Answer.Prices a = prices(Query.of(Intent.PRICE, "玉米 潜江 熊口", Lang.ZH, Channel.SMS));
        assertEquals("429005104000", a.place().code());
        // No market in the town itself: all markets, the nearest (潜江's) first.
        assertEquals("qianjiang-longxia", a.rows().get(0).market().id());
    }

    @Test
    void aMarketsPriceIsItsLatestAverageWithTheChangeSinceTheDayBefore() {
        Price today = demoPrice("104", "wuhan-baishazhou", 0);
        Price yesterday = demoPrice("104", "wuhan-baishazhou", 1);
        for (String terms : List.of("玉米 武汉白沙洲农副产品大市场", "玉米 白沙洲", "maize baishazhou")) {
            Answer.Prices a = prices(Query.of(Intent.PRICE, terms, Lang.ZH, Channel.SMS));
            assertEquals(Candidate.Kind.MARKET, a.place().kind(), terms);
            assertEquals("wuhan-baishazhou", a.place().code(), terms);
            PriceRow row = a.rows().get(0);
            assertEquals("wuhan-baishazhou", row.market().id());
            assertEquals(DemoSnapshot.TODAY, row.date());
            assertEquals(today.avg(), row.avg());
            assertEquals(today.min(), row.min());
            assertEquals(today.max(), row.max());
            assertEquals(yesterday.avg(), row.previousAvg());
            assertEquals(today.avg().subtract(yesterday.avg()), row.change());
            assertEquals("元/公斤", row.unit());
        }
    }

    @Test
    void withoutAPlaceTheFarmersRegionComesFirst() {
        // A farmer registered in a village of 潜江 sees 潜江's market first, then the rest of Hubei.
        Answer.Prices a = prices(Query.of(Intent.PRICE, "小龙虾", Lang.ZH, Channel.SMS).inRegion("429005104201"));
        assertNull(a.place());
        assertEquals(DemoSnapshot.data().markets().size(), a.rows().size());
        assertEquals("qianjiang-longxia", a.rows().get(0).market().id());
        int firstHunan = indexOf(a.rows(), r -> r.market().regionCode().startsWith("43"));
        int lastHubei = lastIndexOf(a.rows(), r -> r.market().regionCode().startsWith("42"));
        assertTrue(lastHubei < firstHunan, "Hubei's markets before Hunan's");
    }

    @Test
    void theHotlineCodeAndABareNameAskForPrices() {
        assertEquals("104", prices(Query.of(Intent.PRICE, "104", Lang.ZH, Channel.VOICE)).commodity().code());
        assertEquals("104", prices(Query.of(Intent.GUESS, "苞谷", Lang.ZH, Channel.SMS)).commodity().code());
    }

    @Test
    void everyCommodityHasAPriceAtEveryDemoMarketToday() {
        for (var c : DemoSnapshot.data().commodities()) {
            Answer.Prices a = prices(Query.of(Intent.PRICE, c.name().zh(), Lang.ZH, Channel.WEB));
            assertEquals(c.code(), a.commodity().code());
            assertEquals(DemoSnapshot.data().markets().size(), a.rows().size(), c.name().zh());
            a.rows().forEach(r -> {
                assertEquals(DemoSnapshot.TODAY, r.date());
                assertNotNull(r.change());
            });
        }
    }

    private Answer.Prices prices(Query q) {
        Answer a = engine.answer(q);
        return assertInstanceOf(Answer.Prices.class, a, () -> q.terms() + " -> " + a);
    }

    private static Price demoPrice(String commodity, String market, int daysAgo) {
        String id = Price.idOf(commodity, market, DemoSnapshot.TODAY.minusDays(daysAgo));
        return DemoSnapshot.data().prices().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static Set<String> marketIds(List<PriceRow> rows) {
        return rows.stream().map(r -> r.market().id()).collect(Collectors.toSet());
    }

    private static int indexOf(List<PriceRow> rows, java.util.function.Predicate<PriceRow> p) {
        for (int i = 0; i < rows.size(); i++) if (p.test(rows.get(i))) return i;
        return -1;
    }

    private static int lastIndexOf(List<PriceRow> rows, java.util.function.Predicate<PriceRow> p) {
        for (int i = rows.size() - 1; i >= 0; i--) if (p.test(rows.get(i))) return i;
        return -1;
    }
}
