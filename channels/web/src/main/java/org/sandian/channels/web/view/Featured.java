package org.sandian.channels.web.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sandian.content.answer.PriceRow;
import org.sandian.content.model.Commodity;
import org.sandian.content.snapshot.ContentSnapshot;

/** The commodities a front page shows first, and the price row nearest the visitor for each. */
public final class Featured {

    private Featured() {
    }

    /** The configured codes that exist, else the commodities reported by the most markets. */
    public static List<Commodity> commodities(ContentSnapshot s, List<String> configured, int limit) {
        List<Commodity> out = new ArrayList<>();
        for (String code : configured) {
            Commodity c = s.commodity(code);
            if (c != null && !s.latestPrices(code).isEmpty()) out.add(c);
        }
        if (out.isEmpty()) {
            s.commodities().stream()
                    .filter(c -> !s.latestPrices(c.code()).isEmpty())
                    .sorted(Comparator.comparingInt((Commodity c) -> -s.latestPrices(c.code()).size())
                            .thenComparing(Commodity::code))
                    .forEach(out::add);
        }
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** The rows of a commodity, the markets nearest {@code region} first (by shared code digits). */
    public static List<PriceRow> nearestFirst(List<PriceRow> rows, String region) {
        if (region == null) return rows;
        return rows.stream().sorted(Comparator.comparingInt((PriceRow r) -> -shared(r.market().regionCode(), region)))
                .toList();
    }

    private static int shared(String a, String b) {
        if (a == null) return 0;
        int n = 0;
        while (n < Math.min(a.length(), b.length()) && a.charAt(n) == b.charAt(n)) n++;
        return n;
    }
}
