package org.sandian.channels.web.pages;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sandian.channels.web.http.Page;
import org.sandian.channels.web.http.Visitor;
import org.sandian.content.answer.Answer;
import org.sandian.content.model.Notice;
import org.sandian.content.model.RegionCode;
import org.sandian.content.snapshot.ContentSnapshot;

/** Notices in force, filtered by region and issuing department; one notice in full. */
public final class NoticePages {

    static final int PER_PAGE = 15;

    private final Site site;

    public NoticePages(Site site) {
        this.site = site;
    }

    public void list(RoutingContext ctx) {
        Visitor v = site.visitor(ctx);
        String regionParam = ctx.request().getParam("region");
        String region = RegionCode.isValid(regionParam) ? regionParam : v.region();
        String dept = blankToNull(ctx.request().getParam("dept"));
        int page = PricePages.intParam(ctx, "page", 1);
        site.cached(ctx, v, () -> {
            ContentSnapshot s = site.snapshot.get();
            List<Notice> inForce = s.noticesFor(region, site.today());
            List<String> depts = inForce.stream().map(n -> n.department() == null ? null : n.department().in(v.lang()))
                    .filter(Objects::nonNull).distinct().sorted().toList();
            List<Notice> shown = inForce.stream()
                    .filter(n -> dept == null || (n.department() != null && dept.equals(n.department().in(v.lang()))))
                    .toList();
            int pages = Answer.pages(shown.size(), PER_PAGE);
            int p = Math.min(Math.max(page, 1), pages);
            Map<String, Object> m = site.model(ctx, v, site.messages.get(v.lang(), "notices_title"));
            m.put("items", Answer.slice(shown, p, PER_PAGE).stream().map(n -> ContentViews.notice(n, v.lang())).toList());
            m.put("depts", depts);
            m.put("dept", dept == null ? "" : dept);
            m.put("region", region == null ? "" : region);
            m.put("regions", RegionPage.choices(s, v.lang()));
            m.put("page", p);
            m.put("pages", pages);
            return site.templates.render("notices", m);
        });
    }

    public void detail(RoutingContext ctx) {
        Visitor v = site.visitor(ctx);
        ContentSnapshot s = site.snapshot.get();
        Notice n = s.notice(ctx.pathParam("id"));
        if (n == null) {
            site.notFound(ctx, v);
            return;
        }
        site.cached(ctx, v, () -> page(s, n, v, ctx.request().uri()));
    }

    /** One notice's page at {@code here}: the notice need not be in {@code s} (a draft previewed). */
    Future<Page> page(ContentSnapshot s, Notice n, Visitor v, String here) {
        Map<String, Object> m = site.model(v, here, n.title().in(v.lang()));
        m.put("n", ContentViews.noticeDetail(s, n, v.lang()));
        return site.templates.render("notice", m);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
