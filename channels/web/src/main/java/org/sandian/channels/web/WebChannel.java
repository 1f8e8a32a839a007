package org.sandian.channels.web;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.function.Supplier;
import org.sandian.channels.web.pages.GuidancePages;
import org.sandian.channels.web.pages.HomePage;
import org.sandian.channels.web.pages.NoticePages;
import org.sandian.channels.web.pages.PricePages;
import org.sandian.channels.web.pages.RegionPage;
import org.sandian.channels.web.pages.SearchPage;
import org.sandian.channels.web.pages.Site;
import org.sandian.channels.web.services.ServicePages;
import org.sandian.channels.web.view.Messages;
import org.sandian.channels.web.view.Templates;
import org.sandian.content.answer.AnswerService;
import org.sandian.content.snapshot.ContentSnapshot;

/**
 * The light public web pages as one Vert.x Web router, for ops to mount on the hub's HTTP server
 * ({@code root.route("/*").subRouter(WebChannel.router(...))}, after /health, /api and the console).
 * Lists and pages read the content snapshot; search and every action go to the answer service.
 */
public final class WebChannel {

    /** Forms are small: a question of 500 characters is the largest. */
    static final long BODY_LIMIT = 16 * 1024;

    private WebChannel() {
    }

    public static Router router(Vertx vertx, WebOptions options, Supplier<ContentSnapshot> snapshot,
                                AnswerService answers, Clock clock) {
        Site site = site(vertx, options, snapshot, clock);
        HomePage home = new HomePage(site);
        PricePages prices = new PricePages(site);
        NoticePages notices = new NoticePages(site);
        GuidancePages guidance = new GuidancePages(site);
        SearchPage search = new SearchPage(site, answers);
        RegionPage region = new RegionPage(site);
        ServicePages services = new ServicePages(vertx, site, answers, clock);

        Router r = Router.router(vertx);
        r.route().handler(ctx -> {
            // No script can run even if a template ever let one through; forms post only here.
            ctx.response().putHeader("Content-Security-Policy",
                    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
                            + "frame-ancestors 'none'; base-uri 'none'");
            ctx.next();
        });
        r.get("/").handler(home::handle);
        r.get("/prices").handler(prices::index);
        r.get("/prices/:code").handler(prices::commodity);
        r.get("/prices/:code/:market").handler(prices::history);
        r.get("/prices/:code/:market/csv").handler(prices::csv);
        r.get("/markets/:id").handler(prices::market);
        r.get("/notices").handler(notices::list);
        r.get("/notices/:id").handler(notices::detail);
        r.get("/guidance").handler(guidance::list);
        r.get("/guidance/:id").handler(guidance::detail);
        r.get("/search").handler(search::handle);
        r.get("/region").handler(region::handle);
        r.get("/lang/:lang").handler(region::language);
        r.get("/services").handler(services::index);
        r.post("/services/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        r.get("/services/status").handler(services::statusForm);
        r.post("/services/status").handler(services::status);
        r.get("/services/:action").handler(services::form);
        r.post("/services/:action").handler(services::requestCode);
        r.post("/services/:action/confirm").handler(services::confirm);
        return r;
    }

    /** What the pages share (templates, words, content); also for rendering pages outside this router (previews). */
    public static Site site(Vertx vertx, WebOptions options, Supplier<ContentSnapshot> snapshot, Clock clock) {
        return new Site(options, snapshot, Templates.html(vertx, "web-templates"), new Messages("web-messages"), clock);
    }
}
