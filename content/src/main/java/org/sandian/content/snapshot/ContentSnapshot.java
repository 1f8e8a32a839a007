package org.sandian.content.snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.sandian.content.answer.Candidate;
import org.sandian.content.answer.PriceRow;
import org.sandian.content.memo.Memo;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Guidance;
import org.sandian.content.model.Market;
import org.sandian.content.model.Notice;
import org.sandian.content.model.Price;
import org.sandian.content.model.Region;
import org.sandian.content.model.RegionCode;
import org.sandian.content.names.NameIndex;

/**
 * An immutable, in-memory picture of everything published, with its name indexes. Every answer is
 * computed from one of these, so no query waits on the store; a new one replaces it on change.
 */
public final class ContentSnapshot {

    private final Map<String, Commodity> commodities = new LinkedHashMap<>();
    private final Map<String, Market> markets = new LinkedHashMap<>();
    private final Map<String, Region> regions = new LinkedHashMap<>();
    /** Price series per "commodity:market", oldest first. */
    private final Map<String, List<Price>> series = new HashMap<>();
    private final List<Notice> notices;
    private final List<Guidance> guidance;
    private final NameIndex<Commodity> commodityNames;
    private final NameIndex<Candidate> placeNames;
    private final Instant loadedAt;
    /** Latest prices per commodity, worked out once per snapshot: every price answer starts from them. */
    private final Memo<String, List<PriceRow>> latest = new Memo<>(10_000);

    public ContentSnapshot(Collection<Commodity> commodities, Collection<Market> markets, Collection<Region> regions,
                           Collection<Price> prices, Collection<Notice> notices, Collection<Guidance> guidance,
                           Instant loadedAt) {
        commodities.stream().sorted(Comparator.comparing(Commodity::code)).forEach(c -> this.commodities.put(c.code(), c));
        markets.stream().sorted(Comparator.comparing(Market::id)).forEach(m -> this.markets.put(m.id(), m));
        regions.stream().sorted(Comparator.comparing(Region::code)).forEach(r -> this.regions.put(r.code(), r));
        for (Price p : prices) {
            series.computeIfAbsent(p.commodityCode() + ":" + p.marketId(), k -> new ArrayList<>()).add(p);
        }
        series.values().forEach(s -> s.sort(Comparator.comparing(Price::date)));
        this.notices = notices.stream()
                .sorted(Comparator.comparing(Notice::effective, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        this.guidance = List.copyOf(guidance);
        this.commodityNames = new NameIndex<>(this.commodities.values(), ContentSnapshot::namesOf);
        this.placeNames = new NameIndex<>(places(), c -> PlaceNames.of(c.name()));
        this.loadedAt = loadedAt;
    }

    public static ContentSnapshot empty() {
        return new ContentSnapshot(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Instant.EPOCH);
    }

    private static List<String> namesOf(Commodity c) {
        List<String> names = new ArrayList<>();
        names.add(c.name().zh());
        names.add(c.name().en());
        if (c.synonyms() != null) names.addAll(c.synonyms());
        names.add(c.code());
        return names.stream().filter(Objects::nonNull).toList();
    }

    private List<Candidate> places() {
        return Stream.concat(
                markets.values().stream().map(m -> new Candidate(Candidate.Kind.MARKET, m.id(), m.name())),
                regions.values().stream().map(r -> new Candidate(Candidate.Kind.REGION, r.code(), r.name())))
                .toList();
    }

    public Collection<Commodity> commodities() {
        return commodities.values();
    }

    public Commodity commodity(String code) {
        return commodities.get(code);
    }

    public Collection<Market> markets() {
        return markets.values();
    }

    public Market market(String id) {
        return markets.get(id);
    }

    public Collection<Region> regions() {
        return regions.values();
    }

    public Region region(String code) {
        return regions.get(code);
    }

    public NameIndex<Commodity> commodityNames() {
        return commodityNames;
    }

    /** Markets and regions by name together: a farmer's "武汉" may mean either. */
    public NameIndex<Candidate> placeNames() {
        return placeNames;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** Every price held (the last {@link SnapshotLoader#PRICE_DAYS} days), for a partial reload. */
    public List<Price> prices() {
        return series.values().stream().flatMap(List::stream).toList();
    }

    /** Prices of one commodity at one market, oldest first (empty when none). */
    public List<Price> history(String commodityCode, String marketId) {
        return series.getOrDefault(commodityCode + ":" + marketId, List.of());
    }

    /** The latest price at each market that reports the commodity, with the previous day's average (unmodifiable). */
    public List<PriceRow> latestPrices(String commodityCode) {
        return commodityCode == null ? latestPricesNow(null) : latest.get(commodityCode, this::latestPricesNow);
    }

    private List<PriceRow> latestPricesNow(String commodityCode) {
        List<PriceRow> rows = new ArrayList<>();
        for (Market m : markets.values()) {
            List<Price> s = history(commodityCode, m.id());
            if (s.isEmpty()) continue;
            Price last = s.get(s.size() - 1);
            Price previous = s.size() > 1 ? s.get(s.size() - 2) : null;
            rows.add(new PriceRow(m, last.date(), last.min(), last.avg(), last.max(),
                    previous == null ? null : previous.avg(), last.unit()));
        }
        return List.copyOf(rows);
    }

    /** Notices in force on {@code day} that apply to {@code regionCode} (all of them when it is null). */
    public List<Notice> noticesFor(String regionCode, LocalDate day) {
        return notices.stream()
                .filter(n -> n.effective() == null || !n.effective().isAfter(day))
                .filter(n -> n.expiry() == null || !n.expiry().isBefore(day))
                .filter(n -> regionCode == null || applies(n.regionScope(), regionCode))
                .toList();
    }

    public List<Notice> notices() {
        return notices;
    }

    public Notice notice(String id) {
        return notices.stream().filter(n -> n.id().equals(id)).findFirst().orElse(null);
    }

    /** Guidance for a crop that applies to {@code regionCode} (any region when null). */
    public List<Guidance> guidanceFor(String cropCode, String regionCode) {
        return guidance.stream()
                .filter(g -> cropCode == null || cropCode.equals(g.commodityCode()))
                .filter(g -> regionCode == null || applies(g.regionScope(), regionCode))
                .toList();
    }

    public List<Guidance> guidance() {
        return guidance;
    }

    /** An empty scope means everywhere; otherwise the region must lie within one of the scope's codes. */
    public static boolean applies(List<String> scope, String regionCode) {
        return scope == null || scope.isEmpty()
                || scope.stream().anyMatch(s -> RegionCode.isWithin(regionCode, s) || RegionCode.isWithin(s, regionCode));
    }
}
