package org.sandian.content.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.content.model.Attachment;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.ContentMeta;
import org.sandian.content.model.Guidance;
import org.sandian.content.model.LocalizedText;
import org.sandian.content.model.Market;
import org.sandian.content.model.Notice;
import org.sandian.content.model.Price;
import org.sandian.content.model.Region;
import org.sandian.content.model.RegionLevel;
import org.sandian.content.model.Status;
import org.sandian.content.testing.TestStore;

/**
 * What the hub relies on from its store, checked over the wire against the embedded store, or
 * against a real MongoDB with {@code SANDIAN_TEST_MONGO_URI=mongodb://host/ mvn -pl content test
 * -Dtest=StoreContractTest}.
 */
class StoreContractTest {

    private static MongoStore store;
    private static ContentStores content;

    /** BSON dates keep milliseconds: the contract is millisecond precision for every Instant. */
    private static final Instant AT = Instant.parse("2026-03-01T08:15:30.123Z");
    private static final ContentMeta META = new ContentMeta(Status.IN_REVIEW, 3, "officer-李", AT, AT.plusSeconds(60));

    @BeforeAll
    static void open() {
        store = TestStore.open();
        content = new ContentStores(store);
        content.ensureIndexes();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static <T> T roundTrip(MongoCollection<T> collection, Object id, T doc) {
        collection.insertOne(doc);
        return collection.find(Filters.eq("_id", id)).first();
    }

    @Test
    void commodityWithChineseNamesAndSynonymsRoundTrips() {
        Commodity maize = new Commodity("103", LocalizedText.of("玉米", "Maize"), List.of("苞谷", "包谷", "corn", "yumi"),
                LocalizedText.of("元/公斤", "yuan/kg"), "grain", META);
        assertEquals(maize, roundTrip(content.commodities(), "103", maize));
    }

    @Test
    void priceKeepsDecimalScaleAndDate() {
        LocalDate day = LocalDate.of(2026, 2, 28);
        Price p = new Price(Price.idOf("103", "m1", day), "103", "m1", day, new BigDecimal("1.20"),
                new BigDecimal("1.255"), new BigDecimal("1.30"), "元/公斤", "县农业农村局", "reporter-7",
                ContentMeta.published("officer", AT));
        Price back = roundTrip(content.prices(), p.id(), p);
        assertEquals(p, back);
        assertEquals("1.20", back.min().toPlainString());
        // Dates compare as dates: the snapshot's "last 90 days" query depends on it.
        assertEquals(1, content.prices().countDocuments(Filters.and(Filters.eq("_id", p.id()),
                Filters.gte("date", day.minusDays(1)), Filters.lt("date", day.plusDays(1)))));
    }

    @Test
    void marketAndRegionRoundTripWithEnums() {
        Market m = new Market("wuhan-baishazhou", LocalizedText.of("白沙洲农副产品大市场", "Baishazhou Market"),
                "420106000000", META);
        assertEquals(m, roundTrip(content.markets(), m.id(), m));
        Region r = new Region("420106000000", LocalizedText.of("武昌区", "Wuchang"), "420100000000", RegionLevel.COUNTY);
        assertEquals(r, roundTrip(content.regions(), r.code(), r));
        assertEquals(1, content.regions().countDocuments(Filters.eq("level", "COUNTY")));
    }

    @Test
    void noticeWithNestedAttachmentsAndNullExpiryRoundTrips() {
        Notice n = new Notice("n-2026-01", LocalizedText.of("耕地地力保护补贴发放通知", "Farmland subsidy notice"),
                LocalizedText.of("补贴标准每亩 100 元。", "100 yuan per mu."), LocalizedText.of("县农业农村局", null),
                List.of("420000000000"), LocalDate.of(2026, 3, 1), null,
                List.of(new Attachment(LocalizedText.of("申请表", "Form"), "/files/form.pdf")), META);
        Notice back = roundTrip(content.notices(), n.id(), n);
        assertEquals(n, back);
        assertEquals("县农业农村局", back.department().in(org.sandian.content.model.Lang.EN));
    }

    @Test
    void guidanceRoundTrips() {
        Guidance g = new Guidance("g-rice-1", "101", LocalizedText.of("育秧", "Seedlings"), "spring",
                List.of("420000000000", "430000000000"), LocalizedText.of("早稻育秧要点……", "Early rice seedlings..."),
                LocalizedText.of("早稻薄膜育秧，防低温。", "Cover seedbeds, watch for cold."), META);
        assertEquals(g, roundTrip(content.guidance(), g.id(), g));
    }

    @Test
    void uniqueIndexRefusesASecondPriceForTheSameDay() {
        LocalDate day = LocalDate.of(2026, 1, 5);
        ContentMeta meta = ContentMeta.published("officer", AT);
        content.prices().insertOne(new Price("a", "201", "m9", day, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
                "元/斤", "s", "r", meta));
        MongoWriteException e = assertThrows(MongoWriteException.class, () -> content.prices().insertOne(
                new Price("b", "201", "m9", day, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, "元/斤", "s", "r", meta)));
        assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(e.getCode()));
    }

    @Test
    void ensuringIndexesTwiceIsHarmlessAndAChangedSpecFailsNamingIt() {
        content.ensureIndexes();
        content.ensureIndexes();
        List<IndexSpec> changed = List.of(IndexSpec.unique(ContentStores.PRICES, "prices_commodity_market_date", "commodityCode", "date"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Indexes.ensure(store, changed));
        assertTrue(e.getMessage().contains("prices_commodity_market_date"), e.getMessage());
    }

    @Test
    void upsertReplacesTheSamePriceIdInsteadOfDuplicating() {
        LocalDate day = LocalDate.of(2026, 1, 6);
        String id = Price.idOf("301", "m2", day);
        ContentMeta meta = ContentMeta.published("officer", AT);
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        content.prices().replaceOne(Filters.eq("_id", id), new Price(id, "301", "m2", day, new BigDecimal("2.00"),
                new BigDecimal("2.10"), new BigDecimal("2.20"), "元/斤", "s", "r", meta), upsert);
        content.prices().replaceOne(Filters.eq("_id", id), new Price(id, "301", "m2", day, new BigDecimal("2.50"),
                new BigDecimal("2.60"), new BigDecimal("2.70"), "元/斤", "s", "r", meta), upsert);
        assertEquals(1, content.prices().countDocuments(Filters.eq("_id", id)));
        assertEquals(new BigDecimal("2.60"), content.prices().find(Filters.eq("_id", id)).first().avg());
    }

    @Test
    void counterUpsertWithIncAndSetOnInsertCountsFromOne() {
        MongoCollection<Document> counters = store.collection("contract_counters", Document.class);
        FindOneAndUpdateOptions opts = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        Document first = counters.findOneAndUpdate(Filters.eq("_id", "c"),
                Updates.combine(Updates.inc("n", 1L), Updates.setOnInsert("since", "2026")), opts);
        Document second = counters.findOneAndUpdate(Filters.eq("_id", "c"),
                Updates.combine(Updates.inc("n", 1L), Updates.setOnInsert("since", "other")), opts);
        assertEquals(1L, first.getLong("n"));
        assertEquals(2L, second.getLong("n"));
        assertEquals("2026", second.getString("since"));
    }

    @Test
    void concurrentIncrementsEachGetTheirOwnValueBack() throws Exception {
        MongoCollection<Document> counters = store.collection("contract_concurrent", Document.class);
        counters.insertOne(new Document("_id", "n").append("n", 0L));
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> values = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                values.add(pool.submit(() -> counters.findOneAndUpdate(Filters.eq("_id", "n"), Updates.inc("n", 1L), after)
                        .getLong("n")));
            }
            Set<Long> distinct = new HashSet<>();
            for (Future<Long> v : values) distinct.add(v.get());
            assertEquals(400, distinct.size(), "findOneAndUpdate returned another call's document");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentClaimsOfOneDocumentHaveExactlyOneWinner() throws Exception {
        MongoCollection<Document> jobs = store.collection("contract_claims", Document.class);
        for (int i = 0; i < 50; i++) jobs.insertOne(new Document("_id", i).append("state", "queued"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> wins = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String worker = "w" + t;
                wins.add(pool.submit(() -> {
                    int won = 0;
                    for (int i = 0; i < 50; i++) {
                        Document claimed = jobs.findOneAndUpdate(Filters.and(Filters.eq("_id", i), Filters.eq("state", "queued")),
                                Updates.combine(Updates.set("state", "claimed"), Updates.set("by", worker)));
                        if (claimed != null) won++;
                    }
                    return won;
                }));
            }
            int total = 0;
            for (Future<Integer> w : wins) total += w.get();
            assertEquals(50, total);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void batchWriterStoresRecordsDurablyAndOnce() throws Exception {
        ContentMeta meta = ContentMeta.published("officer", AT);
        List<Price> prices = new ArrayList<>();
        for (int d = 0; d < 60; d++) {
            LocalDate day = LocalDate.of(2025, 11, 1).plusDays(d);
            prices.add(new Price(Price.idOf("401", "m3", day), "401", "m3", day, new BigDecimal("3.1"),
                    new BigDecimal("3.2"), new BigDecimal("3.3"), "元/斤", "s", "r", meta));
        }
        try (BatchWriter<Price> writer = new BatchWriter<>(content.prices(), "contract", 25, Duration.ofMillis(5))) {
            writer.writeAll(prices).get();
            writer.writeAll(prices.subList(0, 10)).get(); // re-sent: stored once, still succeeds
        }
        assertEquals(60, content.prices().countDocuments(Filters.eq("commodityCode", "401")));
    }

    @Test
    void instantsAreKeptToTheMillisecond() {
        MongoCollection<Market> markets = content.markets();
        Instant precise = Instant.parse("2026-03-01T08:15:30.123456789Z");
        Market m = new Market("precise", LocalizedText.of("市场", "Market"), "420106000000",
                new ContentMeta(Status.DRAFT, 1, "a", precise, precise));
        Market back = roundTrip(markets, "precise", m);
        assertEquals(precise.truncatedTo(ChronoUnit.MILLIS), back.meta().created());
    }
}
