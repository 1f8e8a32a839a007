package org.sandian.channels.web.pages;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sandian.channels.web.http.Page;
import org.sandian.channels.web.http.Responder;
import org.sandian.channels.web.http.Visitor;
import org.sandian.channels.web.view.Featured;
import org.sandian.channels.web.view.Format;
import org.sandian.channels.web.view.PriceViews;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.PriceRow;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Market;
import org.sandian.content.model.Price;
import org.sandian.content.snapshot.ContentSnapshot;

/** Prices: all commodities, one commodity at every market, one market, a history table and its CSV. */
public final class PricePages {

    static final int HISTORY_PER_PAGE = 20;

    private final Site site;

    public PricePages(Site site) {
        this.site = site;
    }

    public void index(RoutingContext ctx) {
        Visitor v = site.visitor(ctx);
        site.cached(ctx, v, () -> {
            ContentSnapshot s = site.snapshot.get();
            List<Map<String, Object>> items = new ArrayList<>();
            for (Commodity c : s.commodities()) {
                List<PriceRow> rows = Featured.nearestFirst(s.latestPrices(c.code()), v.region());
                if (rows.isEmpty()) continue;
                items.add(PriceViews.row(s, c, rows.get(0), v.lang(), site.today()));
            }
            Map<String, Object> m = site.model(ctx, v, site.messages.get(v.lang(), "prices_title"));
            m.put("rows", items);
            return site.templates.render("prices", m);
        });
    }

    public void commodity(RoutingContext ctx) {
        Visitor v = site.visitor(ctx);
        ContentSnapshot s = site.snapshot.get();
        Commodity c = s.commodity(ctx.pathParam("code"));
        if (c == null) {
            site.notFound(ctx, v);
            return;
        }
        site.cached(ctx, v, () -> {
            List<Map<String, Object>> rows = Featured.nearestFirst(s.latestPrices(c.code()), v.region()).stream()
                    .map(r -> PriceViews.row(s, c, r, v.lang(), site.today())).toList();
            Map<String, Object> m = site.model(ctx, v, c.name().in(v.lang()));
            m.put("code", c.code());
            m.put("name", c.name().in(v.lang()));
            m.put("rows", rows);
            return site.templates.render("commodity", m);
        });
    }

    public void market(RoutingContext ctx) {
        Visitor v = site.visitor(ctx);
        ContentSnapshot s = site.snapshot.get();
        Market market = s.market(ctx.pathParam("id"));
        if (market == null) {
            site.notFound(ctx, v);
            return;
        }
        site.cached(ctx, v, () -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Commodity c : s.commodities()) {
                s.latestPrices(c.code()).stream().filter(r -> r.market().id().equals(market.id())).findFirst()
                        .ifPresent(r -> rows.add(PriceViews.row(s, c, r, v.lang(), site.today())));
            }
            Map<String, Object> m = site.model(ctx, v, market.name().in(v.lang()));
            m.put("name", market.name().in(v.lang()));
            m.put("rows", rows);
            return site.templates.render("market", m);
        });
    }

    public void history(RoutingContext ctx) {
        Visitor v = site.visitor(ctx);
        ContentSnapshot s = site.snapshot.get();
        Commodity c = s.commodity(ctx.pathParam("code"));
        Market market = s.market(ctx.pathParam("market"));
        if (c == null || market == null) {
            site.notFound(ctx, v);
            return;
        }
        int page = intParam(ctx, "page", 1);
        site.cached(ctx, v, () -> history(c, market, s.history(c.code(), market.id()), v, ctx.request().uri(), page));
    }

    /** The history table of {@code series} at one market, page {@code page}, for the page at {@code here}. */
    Future<Page> history(Commodity c, Market market, List<Price> series, Visitor v, String here, int page) {
        List<Price> all = newestFirst(series);
        int pages = Answer.pages(all.size(), HISTORY_PER_PAGE);
        int p = Math.min(Math.max(page, 1), pages);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Price price : Answer.slice(all, p, HISTORY_PER_PAGE)) rows.add(historyRow(price));
        Map<String, Object> m = site.model(v, here, c.name().in(v.lang()) + " · " + market.name().in(v.lang()));
        m.put("code", c.code());
        m.put("name", c.name().in(v.lang()));
        m.put("market", market.name().in(v.lang()));
        m.put("marketId", market.id());
        m.put("unit", PriceViews.unit(c, all.isEmpty() ? "" : all.get(0).unit(), v.lang()));
        m.put("rows", rows);
        m.put("page", p);
        m.put("pages", pages);
        return site.templates.render("history", m);
    }

    public void csv(RoutingContext ctx) {
        ContentSnapshot s = site.snapshot.get();
        Commodity c = s.commodity(ctx.pathParam("code"));
        Market market = s.market(ctx.pathParam("market"));
        if (c == null || market == null) {
            site.notFound(ctx, site.visitor(ctx));
            return;
        }
        StringBuilder sb = new StringBuilder("commodity,market,date,min,avg,max,unit\n");
        for (Price p : newestFirst(s.history(c.code(), market.id()))) {
            sb.append(c.code()).append(',').append(market.id()).append(',').append(p.date()).append(',')
                    .append(Format.price(p.min())).append(',').append(Format.price(p.avg())).append(',')
                    .append(Format.price(p.max())).append(',').append(csvField(p.unit())).append('\n');
        }
        ctx.response().putHeader("Content-Disposition",
                "attachment; filename=\"" + c.code() + "-" + market.id().replaceAll("[^A-Za-z0-9_-]", "_") + ".csv\"");
        Responder.send(ctx, Page.of(Page.CSV, sb.toString()), Responder.REVALIDATE);
    }

    private static Map<String, Object> historyRow(Price p) {
        Map<String, Object> row = new HashMap<>();
        row.put("date", p.date().toString());
        row.put("min", Format.price(p.min()));
        row.put("avg", Format.price(p.avg()));
        row.put("max", Format.price(p.max()));
        return row;
    }

    private static List<Price> newestFirst(List<Price> series) {
        return series.stream().sorted(Comparator.comparing(Price::date, Comparator.<LocalDate>reverseOrder())).toList();
    }

    private static String csvField(String s) {
        if (s == null) return "";
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static int intParam(RoutingContext ctx, String name, int fallback) {
        String s = ctx.request().getParam(name);
        try {
            return s == null ? fallback : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
