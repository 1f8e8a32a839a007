package org.sandian.content.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sandian.content.answer.Seasons;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Guidance;
import org.sandian.content.model.Lang;
import org.sandian.content.model.Market;
import org.sandian.content.model.Notice;
import org.sandian.content.model.Price;
import org.sandian.content.model.Region;
import org.sandian.content.model.RegionCode;
import org.sandian.content.names.TextNormalizer;

/** The shipped demo content is complete, consistent and bilingual: checked without a store. */
class DemoDataTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 23:30 UTC is already the next day in Shanghai: "today" must follow the hub's zone. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T23:30:00Z"), ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    final DemoData demo = DemoData.load(CLOCK, SHANGHAI);

    @Test
    void shipsTheAdvertisedAmountsOfEverything() {
        assertTrue(demo.commodities().size() >= 22, "commodities: " + demo.commodities().size());
        assertTrue(demo.markets().size() >= 7, "markets: " + demo.markets().size());
        assertEquals(10, demo.notices().size());
        assertTrue(demo.guidance().size() >= 20, "guidance: " + demo.guidance().size());
        assertEquals(demo.commodities().size() * demo.markets().size() * DemoPrices.DAYS, demo.prices().size());
    }

    @Test
    void everyDocumentIsPublishedByTheDemoAuthor() {
        for (List<?> kind : List.of(demo.commodities(), demo.markets(), demo.prices(), demo.notices(), demo.guidance())) {
            for (Object o : kind) {
                var meta = o instanceof Commodity c ? c.meta() : o instanceof Market m ? m.meta()
                        : o instanceof Price p ? p.meta() : o instanceof Notice n ? n.meta() : ((Guidance) o).meta();
                assertTrue(meta.isPublished(), o.toString());
                assertEquals(DemoData.AUTHOR, meta.author());
            }
        }
    }

    @Test
    void commodityCodesAreUniqueThreeDigitKeysWithBothLanguagesAndAUnit() {
        Set<String> codes = new HashSet<>();
        for (Commodity c : demo.commodities()) {
            assertTrue(c.code().matches("[1-9]\\d\\d"), c.code());
            assertTrue(codes.add(c.code()), "duplicate code " + c.code());
            assertBilingual(c.name().zh(), c.name().en());
            assertEquals("元/公斤", c.unit().zh());
            assertEquals("yuan/kg", c.unit().en());
            assertNotNull(c.category());
        }
        Commodity maize = demo.commodities().stream().filter(c -> c.name().zh().equals("玉米")).findFirst().orElseThrow();
        assertTrue(maize.synonyms().containsAll(List.of("苞谷", "包谷", "苞米", "玉蜀黍", "corn", "maize")));
    }

    @Test
    void regionsFormATreeOfValidCodes() {
        Set<String> codes = demo.regions().stream().map(Region::code).collect(Collectors.toSet());
        for (Region r : demo.regions()) {
            assertTrue(RegionCode.isValid(r.code()), r.code());
            assertEquals(RegionCode.levelOf(r.code()), r.level());
            if (r.parentCode() != null) assertTrue(codes.contains(r.parentCode()), "parent of " + r.code());
            assertBilingual(r.name().zh(), r.name().en());
        }
        Region xiongkou = demo.regions().stream().filter(r -> r.code().equals("429005104000")).findFirst().orElseThrow();
        assertEquals("熊口镇", xiongkou.name().zh());
        assertTrue(demo.regions().stream().anyMatch(r -> r.parentCode() != null && r.parentCode().equals("429005104000")),
                "villages under 熊口镇");
    }

    @Test
    void marketsLieInKnownRegions() {
        Set<String> codes = demo.regions().stream().map(Region::code).collect(Collectors.toSet());
        for (Market m : demo.markets()) {
            assertTrue(codes.contains(m.regionCode()), m.id() + " in " + m.regionCode());
            assertBilingual(m.name().zh(), m.name().en());
        }
        assertTrue(demo.markets().stream().anyMatch(m -> m.id().equals("wuhan-baishazhou")));
    }

    @Test
    void pricesEndTodayInTheHubZoneAndMovePlausibly() {
        LocalDate newest = demo.prices().stream().map(Price::date).max(LocalDate::compareTo).orElseThrow();
        LocalDate oldest = demo.prices().stream().map(Price::date).min(LocalDate::compareTo).orElseThrow();
        assertEquals(TODAY, newest);
        assertEquals(TODAY.minusDays(DemoPrices.DAYS - 1), oldest);
        for (Price p : demo.prices()) {
            assertTrue(p.min().compareTo(p.avg()) <= 0 && p.avg().compareTo(p.max()) <= 0, p.toString());
            assertEquals(Price.idOf(p.commodityCode(), p.marketId(), p.date()), p.id());
        }
        // A day-to-day move above 20% would not be a plausible wholesale quote.
        var byPair = demo.prices().stream().collect(Collectors.groupingBy(p -> p.commodityCode() + p.marketId()));
        byPair.values().forEach(series -> {
            for (int i = 1; i < series.size(); i++) {
                double ratio = series.get(i).avg().doubleValue() / series.get(i - 1).avg().doubleValue();
                assertTrue(ratio > 0.8 && ratio < 1.2, series.get(i).toString());
            }
        });
    }

    @Test
    void lastDaysKeepsOnlyTheNewestPrices() {
        DemoData two = demo.lastDays(2);
        assertEquals(demo.commodities().size() * demo.markets().size() * 2, two.prices().size());
        assertTrue(two.prices().stream().allMatch(p -> !p.date().isBefore(TODAY.minusDays(1))));
        assertEquals(demo.notices(), two.notices());
    }

    @Test
    void theSameDayGivesTheSamePrices() {
        assertEquals(demo.prices(), DemoData.load(CLOCK, SHANGHAI).prices());
    }

    @Test
    void noticeDatesFollowToday() {
        long inForce = demo.notices().stream()
                .filter(n -> !n.effective().isAfter(TODAY) && !n.expiry().isBefore(TODAY)).count();
        assertEquals(8, inForce, "one expired and one upcoming notice show the date filter");
        demo.notices().forEach(n -> {
            assertBilingual(n.title().zh(), n.title().en());
            assertBilingual(n.body().zh(), n.body().en());
            assertBilingual(n.department().zh(), n.department().en());
            n.attachments().forEach(a -> assertTrue(a.url().startsWith("https://"), a.url()));
        });
        assertTrue(demo.notices().stream().anyMatch(n -> !n.attachments().isEmpty()));
    }

    @Test
    void guidanceHasShortSmsTextsInBothLanguagesForKnownCrops() {
        Set<String> codes = demo.commodities().stream().map(Commodity::code).collect(Collectors.toSet());
        Set<String> seasons = Set.of("spring", "summer", "autumn", "winter", Seasons.ALL);
        for (Guidance g : demo.guidance()) {
            assertTrue(codes.contains(g.commodityCode()), g.id());
            assertTrue(seasons.contains(g.season()), g.id() + " season " + g.season());
            assertBilingual(g.text().zh(), g.text().en());
            assertBilingual(g.topic().zh(), g.topic().en());
            assertTrue(g.smsText().in(Lang.ZH).length() <= 60, g.id() + " zh sms too long");
            assertTrue(g.smsText().in(Lang.EN).length() <= 140, g.id() + " en sms too long");
        }
        assertEquals(seasons, demo.guidance().stream().map(Guidance::season).collect(Collectors.toSet()));
    }

    private static void assertBilingual(String zh, String en) {
        assertTrue(zh != null && TextNormalizer.hasHan(zh), "zh: " + zh);
        assertTrue(en != null && !en.isBlank() && !TextNormalizer.hasHan(en), "en: " + en);
        assertFalse(en.equals(zh));
    }
}
