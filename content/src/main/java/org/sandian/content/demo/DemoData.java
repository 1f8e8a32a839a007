package org.sandian.content.demo;

import com.fasterxml.jackson.databind.JavaType;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.sandian.content.bus.Json;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.ContentMeta;
import org.sandian.content.model.Guidance;
import org.sandian.content.model.Market;
import org.sandian.content.model.Notice;
import org.sandian.content.model.Price;
import org.sandian.content.model.Region;
import org.sandian.content.model.RegionCode;
import org.sandian.content.store.ContentStores;

/**
 * The demo content shipped in the jar (resources under {@code /demo}): Hubei and Hunan commodities,
 * regions, markets, notices and guidance, all published, plus {@link DemoPrices#DAYS} days of
 * generated prices ending today. {@code sandian demo} loads it into an empty store; tests use it
 * as realistic fixtures.
 */
public record DemoData(List<Commodity> commodities, List<Region> regions, List<Market> markets,
                       List<Price> prices, List<Notice> notices, List<Guidance> guidance) {

    /** The author of every demo document. */
    public static final String AUTHOR = "demo";
    /** Documents per insertMany: one commit of the embedded store carries many documents. */
    private static final int BATCH = 1000;

    /** Reads the files and generates the prices; "today" is {@code clock}'s date in {@code zone}. */
    public static DemoData load(Clock clock, ZoneId zone) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        ContentMeta meta = ContentMeta.published(AUTHOR, now);

        List<DemoRows.CommodityRow> commodityRows = read("commodities.json", DemoRows.CommodityRow.class);
        List<DemoRows.MarketRow> marketRows = read("markets.json", DemoRows.MarketRow.class);
        List<Commodity> commodities = commodityRows.stream()
                .map(c -> new Commodity(c.code(), c.name(), c.synonyms(), c.unit(), c.category(), meta)).toList();
        List<Market> markets = marketRows.stream()
                .map(m -> new Market(m.id(), m.name(), m.regionCode(), meta)).toList();
        List<Region> regions = read("regions.json", DemoRows.RegionRow.class).stream()
                .map(r -> new Region(r.code(), r.name(), RegionCode.parentOf(r.code()), RegionCode.levelOf(r.code())))
                .toList();

        List<Price> prices = new ArrayList<>();
        for (int c = 0; c < commodities.size(); c++) {
            DemoRows.CommodityRow row = commodityRows.get(c);
            for (int m = 0; m < markets.size(); m++) {
                prices.addAll(DemoPrices.series(commodities.get(c), row.basePrice(), row.volatility(),
                        markets.get(m), marketRows.get(m).priceFactor(), today, meta));
            }
        }
        List<Notice> notices = read("notices.json", DemoRows.NoticeRow.class).stream()
                .map(n -> new Notice(n.id(), n.title(), n.body(), n.department(), n.regionScope(),
                        today.plusDays(n.effectiveDays()), today.plusDays(n.expiryDays()), n.attachments(), meta))
                .toList();
        List<Guidance> guidance = read("guidance.json", DemoRows.GuidanceRow.class).stream()
                .map(g -> new Guidance(g.id(), g.commodityCode(), g.topic(), g.season(), g.regionScope(),
                        g.text(), g.smsText(), meta))
                .toList();
        return new DemoData(commodities, regions, markets, List.copyOf(prices), notices, guidance);
    }

    /** Inserts everything in batches. The store should be empty ({@link ContentStores#isEmpty()}). */
    public void loadInto(ContentStores stores) {
        insert(stores.regions(), regions);
        insert(stores.markets(), markets);
        insert(stores.notices(), notices);
        insert(stores.guidance(), guidance);
        insert(stores.prices(), prices);
        // Commodities last: a load cut short leaves the store "empty", so the next start completes it.
        insert(stores.commodities(), commodities);
    }

    /**
     * The same content with only the last {@code days} days of prices (2 give the latest price and
     * its change): test fixtures load it in a fraction of the time.
     */
    public DemoData lastDays(int days) {
        LocalDate newest = prices.stream().map(Price::date).max(LocalDate::compareTo).orElse(LocalDate.MIN);
        LocalDate since = newest.minusDays(days - 1L);
        return new DemoData(commodities, regions, markets,
                prices.stream().filter(p -> !p.date().isBefore(since)).toList(), notices, guidance);
    }

    /** How many documents {@link #loadInto} writes. */
    public int size() {
        return commodities.size() + regions.size() + markets.size() + prices.size() + notices.size()
                + guidance.size();
    }

    /** Unordered batches; documents already there (a load cut short and retried) are skipped, not doubled. */
    private static <T> void insert(MongoCollection<T> collection, List<T> items) {
        for (int from = 0; from < items.size(); from += BATCH) {
            try {
                collection.insertMany(items.subList(from, Math.min(from + BATCH, items.size())),
                        new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                if (e.getWriteErrors().stream().anyMatch(w -> w.getCategory() != ErrorCategory.DUPLICATE_KEY)) throw e;
            }
        }
    }

    private static <T> List<T> read(String file, Class<T> type) {
        String path = "/demo/" + file;
        try (InputStream in = DemoData.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("demo file missing from the jar: " + path);
            JavaType listType = Json.MAPPER.getTypeFactory().constructCollectionType(List.class, type);
            return Json.MAPPER.readValue(in, listType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo file " + path, e);
        }
    }
}
