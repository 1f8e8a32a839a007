package org.sandian.channels.web.pages;

import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sandian.channels.web.http.Visitor;
import org.sandian.channels.web.view.Featured;
import org.sandian.channels.web.view.PriceViews;
import org.sandian.content.answer.PriceRow;
import org.sandian.content.answer.Seasons;
import org.sandian.content.model.Commodity;
import org.sandian.content.snapshot.ContentSnapshot;

/** The front page: today's prices of the most asked commodities, latest notices, this season's tips, search. */
public final class HomePage {

    static final int PRICES = 8;
    static final int NOTICES = 5;
    static final int TIPS = 3;

    private final Site site;

    public HomePage(Site site) {
        this.site = site;
    }

    public void handle(RoutingContext ctx) {
        Visitor v = site.visitor(ctx);
        site.cached(ctx, v, () -> {
            ContentSnapshot s = site.snapshot.get();
            List<Map<String, Object>> prices = new ArrayList<>();
            for (Commodity c : Featured.commodities(s, site.options.featuredCommodities(), PRICES)) {
                List<PriceRow> rows = Featured.nearestFirst(s.latestPrices(c.code()), v.region());
                prices.add(PriceViews.row(s, c, rows.get(0), v.lang(), site.today()));
            }
            String season = Seasons.of(site.today());
            Map<String, Object> m = site.model(ctx, v, site.messages.get(v.lang(), "site_name"));
            m.put("prices", prices);
            m.put("notices", s.noticesFor(v.region(), site.today()).stream().limit(NOTICES)
                    .map(n -> ContentViews.notice(n, v.lang())).toList());
            m.put("tips", s.guidanceFor(null, v.region()).stream()
                    .filter(g -> season.equals(g.season()) || Seasons.ALL.equals(g.season()))
                    .limit(TIPS).map(g -> ContentViews.guidance(s, g, v.lang())).toList());
            return site.templates.render("home", m);
        });
    }
}
