package org.sandian.ops.console;

import static com.mongodb.client.model.Filters.in;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Market;
import org.sandian.content.model.Price;
import org.sandian.content.store.ContentStores;

/**
 * Reads an uploaded price CSV ({@code commodity,market,date,min,avg,max}; commodity by code,
 * Chinese or English name or synonym; market by id or name) and checks every row: unknown
 * commodity or market, bad number or date, and an average more than {@link #OUTLIER} away from
 * the mean of the last 7 days at that market (an outlier: a typo more often than news). Blocking.
 */
final class PriceCsvCheck {

    static final int MAX_ROWS = 5_000;
    static final double OUTLIER = 0.5;

    private final ContentStores stores;
    private final Map<String, Commodity> commodities = new HashMap<>();
    private final Map<String, Market> markets = new HashMap<>();

    PriceCsvCheck(ContentStores stores) {
        this.stores = stores;
        for (Commodity c : stores.commodities().find().batchSize(500).limit(5_000)) {
            put(commodities, c.code(), c);
            if (c.name() != null) {
                put(commodities, c.name().zh(), c);
                put(commodities, c.name().en(), c);
            }
            if (c.synonyms() != null) c.synonyms().forEach(s -> put(commodities, s, c));
        }
        for (Market m : stores.markets().find().batchSize(500).limit(5_000)) {
            put(markets, m.id(), m);
            if (m.name() != null) {
                put(markets, m.name().zh(), m);
                put(markets, m.name().en(), m);
            }
        }
    }

    List<PriceRow> check(String csv, String reporter) {
        List<PriceRow> rows = new ArrayList<>();
        String[] lines = csv.replace("\uFEFF", "").split("\r?\n");
        for (int i = 0; i < lines.length && rows.size() < MAX_ROWS; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("commodity"))) continue;
            rows.add(row(i + 1, line.split("\\s*[,，]\\s*", -1), reporter));
        }
        return rows;
    }

    private PriceRow row(int n, String[] f, String reporter) {
        String[] v = new String[6];
        for (int i = 0; i < 6; i++) v[i] = i < f.length ? f[i].trim() : "";
        List<String> problems = new ArrayList<>();
        if (f.length != 6) problems.add("expected 6 fields (commodity,market,date,min,avg,max), found " + f.length);
        Commodity c = commodities.get(key(v[0]));
        if (c == null) problems.add("unknown commodity '" + v[0] + "'");
        Market m = markets.get(key(v[1]));
        if (m == null) problems.add("unknown market '" + v[1] + "'");
        LocalDate date = null;
        try {
            date = LocalDate.parse(v[2]);
        } catch (DateTimeParseException e) {
            problems.add("bad date '" + v[2] + "' (YYYY-MM-DD)");
        }
        BigDecimal min = number(v[3], "min", problems);
        BigDecimal avg = number(v[4], "avg", problems);
        BigDecimal max = number(v[5], "max", problems);
        if (min != null && avg != null && max != null && (min.compareTo(avg) > 0 || avg.compareTo(max) > 0)) {
            problems.add("min <= avg <= max does not hold");
        }
        Price price = null;
        if (problems.isEmpty()) {
            String unit = c.unit() == null ? null : c.unit().zh();
            price = new Price(Price.idOf(c.code(), m.id(), date), c.code(), m.id(), date, min, avg, max, unit,
                    "console-import", reporter, null);
            String outlier = outlier(price);
            if (outlier != null) problems.add(outlier);
        }
        return new PriceRow(n, v[0], v[1], v[2], v[3], v[4], v[5], problems.isEmpty() ? price : null,
                problems.isEmpty() ? null : String.join("; ", problems), null);
    }

    /** The last 7 days at that market, read by _id (the keyed fast path on the embedded store). */
    private String outlier(Price p) {
        List<String> ids = new ArrayList<>();
        for (int d = 1; d <= 7; d++) ids.add(Price.idOf(p.commodityCode(), p.marketId(), p.date().minusDays(d)));
        double sum = 0;
        int n = 0;
        for (Price before : stores.prices().find(in("_id", ids)).batchSize(7).limit(7)) {
            if (before.avg() == null) continue;
            sum += before.avg().doubleValue();
            n++;
        }
        if (n == 0) return null;
        double mean = sum / n;
        double off = Math.abs(p.avg().doubleValue() - mean) / mean;
        return off > OUTLIER ? String.format("outlier: avg %s is %.0f%% away from the 7-day mean %.2f", p.avg(), off * 100, mean)
                : null;
    }

    private static BigDecimal number(String s, String field, List<String> problems) {
        try {
            BigDecimal b = new BigDecimal(s);
            if (b.signum() <= 0) throw new NumberFormatException();
            return b;
        } catch (NumberFormatException e) {
            problems.add("bad number for " + field + ": '" + s + "'");
            return null;
        }
    }

    private static <T> void put(Map<String, T> map, String name, T value) {
        if (name != null && !name.isBlank()) map.putIfAbsent(key(name), value);
    }

    private static String key(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
