package org.sandian.channels.web.pages;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import org.sandian.channels.web.http.Responder;
import org.sandian.channels.web.http.Visitor;
import org.sandian.content.model.Lang;
import org.sandian.content.model.Region;
import org.sandian.content.model.RegionLevel;
import org.sandian.content.model.RegionCode;
import org.sandian.content.snapshot.ContentSnapshot;

/** Choosing a region and a language once; both are remembered in cookies. */
public final class RegionPage {

    private final Site site;

    public RegionPage(Site site) {
        this.site = site;
    }

    /** GET /region shows the choices; GET /region?code=... remembers one and goes back. */
    public void handle(RoutingContext ctx) {
        Visitor v = site.visitor(ctx);
        String code = ctx.request().getParam("code");
        if (code != null) {
            boolean known = RegionCode.isValid(code) && site.snapshot.get().region(code) != null;
            Visitor.remember(ctx, Visitor.REGION_COOKIE, known ? code : null);
            Responder.seeOther(ctx, back(ctx));
            return;
        }
        Map<String, Object> m = site.model(ctx, v, site.messages.get(v.lang(), "region_title"));
        m.put("regions", choices(site.snapshot.get(), v.lang()));
        m.put("current", v.region() == null ? "" : v.region());
        m.put("back", back(ctx));
        site.send(ctx, 200, site.templates.render("region", m), Responder.REVALIDATE);
    }

    /** GET /lang/zh or /lang/en remembers the language and goes back. */
    public void language(RoutingContext ctx) {
        Lang lang = Lang.parse(ctx.pathParam("lang"), site.options.defaultLang());
        Visitor.remember(ctx, Visitor.LANG_COOKIE, lang.code());
        Responder.seeOther(ctx, back(ctx));
    }

    /** Counties and townships a visitor can pick, as code and name. */
    static List<Map<String, String>> choices(ContentSnapshot s, Lang lang) {
        return s.regions().stream()
                .filter(r -> r.level() != RegionLevel.VILLAGE && r.level() != RegionLevel.PROVINCE)
                .map((Region r) -> Map.of("code", r.code(), "name", r.name().in(lang)))
                .toList();
    }

    /** Only a path on this site: never an open redirect. */
    private static String back(RoutingContext ctx) {
        String b = ctx.request().getParam("back");
        return b != null && b.startsWith("/") && !b.startsWith("//") && !b.contains("\\") ? b : "/";
    }
}
