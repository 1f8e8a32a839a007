package org.sandian.channels.web.pages;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sandian.channels.web.http.Page;
import org.sandian.channels.web.http.Visitor;
import org.sandian.content.answer.Seasons;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Guidance;
import org.sandian.content.snapshot.ContentSnapshot;

/** Farming guidance by crop, topic and season; one item in full. */
public final class GuidancePages {

    static final List<String> SEASONS = List.of("spring", "summer", "autumn", "winter");

    private final Site site;

    public GuidancePages(Site site) {
        this.site = site;
    }

    public void list(RoutingContext ctx) {
        Visitor v = site.visitor(ctx);
        String crop = NoticePages.blankToNull(ctx.request().getParam("crop"));
        String topic = NoticePages.blankToNull(ctx.request().getParam("topic"));
        String season = NoticePages.blankToNull(ctx.request().getParam("season"));
        site.cached(ctx, v, () -> {
            ContentSnapshot s = site.snapshot.get();
            List<Guidance> all = s.guidanceFor(null, v.region());
            List<Guidance> shown = all.stream()
                    .filter(g -> crop == null || crop.equals(g.commodityCode()))
                    .filter(g -> topic == null || (g.topic() != null && topic.equals(g.topic().in(v.lang()))))
                    .filter(g -> season == null || season.equals(g.season()) || Seasons.ALL.equals(g.season()))
                    .toList();
            Map<String, Object> m = site.model(ctx, v, site.messages.get(v.lang(), "guidance_title"));
            m.put("items", shown.stream().map(g -> ContentViews.guidance(s, g, v.lang())).toList());
            m.put("crops", all.stream().map(Guidance::commodityCode).distinct().map(s::commodity)
                    .filter(Objects::nonNull).map(c -> Map.of("code", c.code(), "name", c.name().in(v.lang()))).toList());
            m.put("topics", all.stream().map(g -> g.topic() == null ? null : g.topic().in(v.lang()))
                    .filter(Objects::nonNull).distinct().sorted().toList());
            m.put("seasons", SEASONS);
            m.put("crop", crop == null ? "" : crop);
            m.put("topic", topic == null ? "" : topic);
            m.put("season", season == null ? "" : season);
            return site.templates.render("guidance", m);
        });
    }

    public void detail(RoutingContext ctx) {
        Visitor v = site.visitor(ctx);
        ContentSnapshot s = site.snapshot.get();
        Guidance g = s.guidance().stream().filter(x -> x.id().equals(ctx.pathParam("id"))).findFirst().orElse(null);
        if (g == null) {
            site.notFound(ctx, v);
            return;
        }
        site.cached(ctx, v, () -> page(s, g, v, ctx.request().uri()));
    }

    /** One guidance item's page at {@code here}: the item need not be in {@code s} (a draft previewed). */
    Future<Page> page(ContentSnapshot s, Guidance g, Visitor v, String here) {
        Commodity crop = s.commodity(g.commodityCode());
        Map<String, Object> m = site.model(v, here,
                (crop == null ? "" : crop.name().in(v.lang()) + " · ") + g.topic().in(v.lang()));
        m.put("g", ContentViews.guidanceDetail(s, g, v.lang()));
        return site.templates.render("tip", m);
    }
}
