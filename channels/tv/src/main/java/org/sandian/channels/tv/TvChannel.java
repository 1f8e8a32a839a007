package org.sandian.channels.tv;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.sandian.channels.web.http.Page;
import org.sandian.channels.web.http.Responder;
import org.sandian.channels.web.view.Messages;
import org.sandian.channels.web.view.Templates;
import org.sandian.content.model.Lang;
import org.sandian.content.model.Region;
import org.sandian.content.model.RegionCode;
import org.sandian.content.snapshot.ContentSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The village TV: {@code /tv} a full-screen board that turns its pages by meta refresh (no script),
 * {@code /tv/ticker.txt} one caption a line, {@code /tv/feed.xml} RSS 2.0. Each takes
 * {@code ?region=<12-digit code>} and {@code ?lang=zh|en}. The router has full paths: ops mounts it
 * with {@code root.route("/*").subRouter(TvChannel.router(...))} before the web router.
 */
public final class TvChannel {

    private static final Logger log = LoggerFactory.getLogger(TvChannel.class);
    static final int PRICES_PER_PAGE = 6;
    static final int NOTICES_PER_PAGE = 3;
    static final int BROADCASTS_PER_PAGE = 3;

    private final TvOptions options;
    private final Supplier<ContentSnapshot> snapshot;
    private final TvContent content;
    private final TvBoard board;
    private final Templates xml;
    private final Messages messages = new Messages("tv-messages");
    private final Clock clock;

    private TvChannel(Vertx vertx, TvOptions options, Supplier<ContentSnapshot> snapshot, TvItems items, Clock clock) {
        this.options = options;
        this.snapshot = snapshot;
        this.content = new TvContent(options, snapshot, items, clock);
        this.board = new TvBoard(vertx, options, clock);
        this.xml = new Templates(vertx, "tv-templates", "ftlx", Page.RSS);
        this.clock = clock;
    }

    public static Router router(Vertx vertx, TvOptions options, Supplier<ContentSnapshot> snapshot, TvItems items,
                                Clock clock) {
        TvChannel tv = new TvChannel(vertx, options, snapshot, items, clock);
        Router r = Router.router(vertx);
        r.get("/tv").handler(tv::board);
        r.get("/tv/ticker.txt").handler(tv::ticker);
        r.get("/tv/feed.xml").handler(tv::feed);
        return r;
    }

    private void board(RoutingContext ctx) {
        String region = region(ctx);
        Lang lang = lang(ctx);
        TvContent.Sections now = content.now(region, lang);
        List<Map<String, Object>> pages = new ArrayList<>();
        addPages(pages, TvBoard.BROADCASTS, now.broadcasts(), BROADCASTS_PER_PAGE);
        addPages(pages, TvBoard.PRICES, now.prices(), PRICES_PER_PAGE);
        addPages(pages, TvBoard.NOTICES, now.notices(), NOTICES_PER_PAGE);
        if (pages.isEmpty()) pages.add(Map.of("kind", "empty", "lines", List.of()));
        int p = Math.floorMod(intParam(ctx, "page", 0), pages.size());
        send(ctx, board.render(pages, p, lang, regionName(region, lang),
                "/tv?" + query(region, lang) + "page=" + ((p + 1) % pages.size())));
    }

    private void ticker(RoutingContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (TvLine line : content.now(region(ctx), lang(ctx)).all()) sb.append(line.caption()).append('\n');
        Responder.send(ctx, Page.of(Page.TEXT, sb.toString()), Responder.REVALIDATE);
    }

    private void feed(RoutingContext ctx) {
        String region = region(ctx);
        Lang lang = lang(ctx);
        List<Map<String, String>> items = new ArrayList<>();
        for (TvLine line : content.now(region, lang).all()) {
            items.add(Map.of("guid", line.guid(), "title", line.head(), "description", line.caption(),
                    "link", line.link(), "date", rfc1123(line.date())));
        }
        Map<String, Object> m = new HashMap<>();
        m.put("t", messages.in(lang));
        m.put("lang", lang == Lang.ZH ? "zh-cn" : "en");
        m.put("regionName", regionName(region, lang));
        m.put("link", options.publicUrl() + "/tv" + (region == null ? "" : "?region=" + region));
        m.put("built", rfc1123(clock.instant()));
        m.put("items", items);
        send(ctx, xml.render("feed", m));
    }

    private void send(RoutingContext ctx, io.vertx.core.Future<Page> page) {
        page.onSuccess(p -> Responder.send(ctx, p, Responder.REVALIDATE)).onFailure(e -> {
            log.error("tv {} failed", ctx.request().path(), e);
            ctx.response().setStatusCode(500).putHeader("Content-Type", Page.TEXT).end("error");
        });
    }

    private static void addPages(List<Map<String, Object>> pages, String kind, List<TvLine> lines, int per) {
        for (int i = 0; i < lines.size(); i += per) pages.add(TvBoard.page(kind, lines.subList(i, Math.min(i + per, lines.size()))));
    }

    private String region(RoutingContext ctx) {
        String code = ctx.request().getParam("region");
        return RegionCode.isValid(code) && snapshot.get().region(code) != null ? code : null;
    }

    private Lang lang(RoutingContext ctx) {
        return Lang.parse(ctx.request().getParam("lang"), options.defaultLang());
    }

    private String regionName(String region, Lang lang) {
        Region r = region == null ? null : snapshot.get().region(region);
        return r == null ? "" : r.name().in(lang);
    }

    private static String query(String region, Lang lang) {
        return (region == null ? "" : "region=" + URLEncoder.encode(region, StandardCharsets.UTF_8) + "&")
                + "lang=" + lang.code() + "&";
    }

    private String rfc1123(java.time.Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT).format(instant.atZone(options.zone()));
    }

    private static int intParam(RoutingContext ctx, String name, int fallback) {
        try {
            String s = ctx.request().getParam(name);
            return s == null ? fallback : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
