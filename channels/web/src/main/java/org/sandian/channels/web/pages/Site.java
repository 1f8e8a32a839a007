package org.sandian.channels.web.pages;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.sandian.channels.web.WebOptions;
import org.sandian.channels.web.http.Page;
import org.sandian.channels.web.http.PageCache;
import org.sandian.channels.web.http.Responder;
import org.sandian.channels.web.http.Visitor;
import org.sandian.channels.web.view.Messages;
import org.sandian.channels.web.view.Templates;
import org.sandian.content.model.Lang;
import org.sandian.content.model.Region;
import org.sandian.content.snapshot.ContentSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every page handler shares: content, templates, words, the page cache and the visitor's settings. */
public final class Site {

    private static final Logger log = LoggerFactory.getLogger(Site.class);

    final WebOptions options;
    final Supplier<ContentSnapshot> snapshot;
    final Templates templates;
    final Messages messages;
    final Clock clock;
    private final PageCache cache = new PageCache();

    public Site(WebOptions options, Supplier<ContentSnapshot> snapshot, Templates templates, Messages messages, Clock clock) {
        this.options = options;
        this.snapshot = snapshot;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
    }

    public WebOptions options() {
        return options;
    }

    public Templates templates() {
        return templates;
    }

    public Messages messages() {
        return messages;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(options.zone()));
    }

    public Visitor visitor(RoutingContext ctx) {
        return Visitor.of(ctx, options.defaultLang());
    }

    /** The model every layout needs: words, language switch, the visitor's region. */
    public Map<String, Object> model(RoutingContext ctx, Visitor v, String title) {
        return model(v, ctx.request().uri(), title);
    }

    /** The same for the page at {@code here} (where the language and region switches come back to). */
    Map<String, Object> model(Visitor v, String here, String title) {
        Map<String, Object> m = new HashMap<>();
        Lang lang = v.lang();
        m.put("t", messages.in(lang));
        m.put("lang", lang.code());
        m.put("other", lang == Lang.ZH ? "en" : "zh");
        m.put("otherName", lang == Lang.ZH ? "English" : "中文");
        m.put("title", title);
        m.put("here", here);
        Region r = v.region() == null ? null : snapshot.get().region(v.region());
        m.put("regionName", r == null ? "" : r.name().in(lang));
        m.put("today", today().toString());
        return m;
    }

    /** Renders (or takes from the cache) a page that depends only on content, URL and visitor settings. */
    void cached(RoutingContext ctx, Visitor v, Supplier<Future<Page>> render) {
        Object generation = new Generation(snapshot.get(), today());
        cache.get(generation, v.key() + "|" + ctx.request().uri(), render)
                .onSuccess(p -> Responder.send(ctx, p, Responder.REVALIDATE))
                .onFailure(e -> fail(ctx, v, e));
    }

    void send(RoutingContext ctx, int status, Future<Page> page, String cacheControl) {
        page.onSuccess(p -> Responder.send(ctx, status, p, cacheControl))
                .onFailure(e -> fail(ctx, visitor(ctx), e));
    }

    void notFound(RoutingContext ctx, Visitor v) {
        Map<String, Object> m = model(ctx, v, messages.get(v.lang(), "notfound_title"));
        send(ctx, 404, templates.render("notfound", m), Responder.NO_STORE);
    }

    private void fail(RoutingContext ctx, Visitor v, Throwable e) {
        log.error("page {} failed", ctx.request().path(), e);
        if (!ctx.response().headWritten()) {
            ctx.response().setStatusCode(500).putHeader("Content-Type", Page.TEXT)
                    .end(messages.get(v.lang(), "error_text"));
        }
    }

    private record Generation(ContentSnapshot snapshot, LocalDate day) {
    }
}
