package org.sandian.channels.tv;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.sandian.channels.web.view.Featured;
import org.sandian.content.answer.PriceRow;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Lang;
import org.sandian.content.model.Notice;
import org.sandian.content.snapshot.ContentSnapshot;

/** What a region's TV shows now: broadcasts marked for TV, today's prices, notices in force. */
final class TvContent {

    static final int PRICES = 12;
    static final int NOTICES = 8;

    private final TvOptions options;
    private final Supplier<ContentSnapshot> snapshot;
    private final TvItems items;
    private final Clock clock;

    TvContent(TvOptions options, Supplier<ContentSnapshot> snapshot, TvItems items, Clock clock) {
        this.options = options;
        this.snapshot = snapshot;
        this.items = items;
        this.clock = clock;
    }

    record Sections(List<TvLine> broadcasts, List<TvLine> prices, List<TvLine> notices) {

        List<TvLine> all() {
            List<TvLine> out = new ArrayList<>(broadcasts);
            out.addAll(prices);
            out.addAll(notices);
            return out;
        }
    }

    Sections now(String region, Lang lang) {
        ContentSnapshot s = snapshot.get();
        Instant now = clock.instant();
        ZoneId zone = options.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        String url = options.publicUrl();

        List<TvLine> broadcasts = items.current(region, now).stream()
                .map(i -> new TvLine("tv-" + i.id(), i.text().in(lang), "", url + "/tv",
                        i.validFrom() == null ? now : i.validFrom()))
                .toList();
        List<TvLine> prices = new ArrayList<>();
        for (Commodity c : Featured.commodities(s, options.featuredCommodities(), PRICES)) {
            PriceRow r = Featured.nearestFirst(s.latestPrices(c.code()), region).get(0);
            prices.add(TvLine.price(c, r, lang, url, zone));
        }
        List<TvLine> notices = new ArrayList<>();
        for (Notice n : s.noticesFor(region, today).stream().limit(NOTICES).toList()) {
            notices.add(TvLine.notice(n, lang, url, zone, today));
        }
        return new Sections(broadcasts, prices, notices);
    }
}
