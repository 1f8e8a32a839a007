package org.sandian.channels.web.pages;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.sandian.channels.web.http.Page;
import org.sandian.channels.web.http.Visitor;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Guidance;
import org.sandian.content.model.Lang;
import org.sandian.content.model.Market;
import org.sandian.content.model.Notice;
import org.sandian.content.model.Price;
import org.sandian.content.snapshot.ContentSnapshot;

/**
 * The public page an item will have once published, rendered from the item itself by the same page
 * code and templates as the live site: the officers' console shows it before publication. Nothing
 * here is reachable from the public router.
 */
public final class PreviewPages {

    private final Site site;
    private final NoticePages notices;
    private final GuidancePages guidance;
    private final PricePages prices;

    public PreviewPages(Site site) {
        this.site = site;
        this.notices = new NoticePages(site);
        this.guidance = new GuidancePages(site);
        this.prices = new PricePages(site);
    }

    /**
     * The page of a notice, guidance item or price (its market's history with it in) as a visitor
     * reading {@code lang} sees it; fails when the commodity or market a price names is not published.
     */
    public Future<Page> page(Record item, Lang lang) {
        Visitor v = new Visitor(lang, null);
        ContentSnapshot s = site.snapshot.get();
        if (item instanceof Notice n) return notices.page(s, n, v, "/notices/" + n.id());
        if (item instanceof Guidance g) return guidance.page(s, g, v, "/guidance/" + g.id());
        if (item instanceof Price p) {
            Commodity c = s.commodity(p.commodityCode());
            Market market = s.market(p.marketId());
            if (c == null || market == null) {
                return Future.failedFuture(new IllegalArgumentException(c == null
                        ? "commodity " + p.commodityCode() + " is not published" : "market " + p.marketId() + " is not published"));
            }
            List<Price> series = new ArrayList<>();
            // the draft replaces a published report of the same day (same id)
            for (Price h : s.history(c.code(), market.id())) if (!h.id().equals(p.id())) series.add(h);
            series.add(p);
            return prices.history(c, market, series, v, "/prices/" + c.code() + "/" + market.id(), 1);
        }
        return Future.failedFuture(new IllegalArgumentException("no web page for " + item.getClass().getSimpleName()));
    }
}
