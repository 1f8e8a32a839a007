package org.sandian.ops.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.sandian.channels.sms.codec.MtSplitter;
import org.sandian.channels.sms.dialogue.SmsRenderer;
import org.sandian.channels.tv.TvBoard;
import org.sandian.channels.tv.TvLine;
import org.sandian.channels.tv.TvOptions;
import org.sandian.channels.voice.speech.AnswerScripts;
import org.sandian.channels.voice.speech.Part;
import org.sandian.channels.voice.speech.SpokenScript;
import org.sandian.channels.voice.speech.VoiceTemplates;
import org.sandian.channels.web.WebChannel;
import org.sandian.channels.web.WebOptions;
import org.sandian.channels.web.pages.PreviewPages;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.answer.PriceRow;
import org.sandian.content.answer.Query;
import org.sandian.content.editing.ContentDesk;
import org.sandian.content.editing.ContentKind;
import org.sandian.content.editing.Revision;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Guidance;
import org.sandian.content.model.Lang;
import org.sandian.content.model.Market;
import org.sandian.content.model.Notice;
import org.sandian.content.model.Price;
import org.sandian.content.model.Region;
import org.sandian.content.snapshot.ContentSnapshot;
import org.sandian.ops.auth.Officer;

/**
 * How the latest version of a notice, guidance item or price will show on each channel before it
 * is published, each rendered by that channel's own code: the SMS a farmer gets with its part
 * count, the words the hotline speaks, the village TV board (notices and prices; guidance is not on
 * the board) and the public web page (a price on its market's history page), with its address once live.
 */
final class ContentPreviewPage implements ConsolePage {

    private final Vertx vertx;
    private final ContentDesk desk;
    private final View view;
    private final Supplier<ContentSnapshot> snapshot;
    private final SmsRenderer sms;
    private final AnswerScripts voice = new AnswerScripts(new VoiceTemplates());
    private final TvBoard tv;
    private final TvOptions tvOptions;
    private final PreviewPages web;
    private final Lang webLang;
    private final Clock clock;

    ContentPreviewPage(Vertx vertx, ContentDesk desk, View view, Supplier<ContentSnapshot> snapshot, TvOptions tv,
                       WebOptions web, Clock clock) {
        this.web = new PreviewPages(WebChannel.site(vertx, web, snapshot, clock));
        this.webLang = web.defaultLang();
        this.vertx = vertx;
        this.desk = desk;
        this.view = view;
        this.snapshot = snapshot;
        this.sms = new SmsRenderer(tv.zone());
        this.tv = new TvBoard(vertx, tv, clock);
        this.tvOptions = tv;
        this.clock = clock;
    }

    @Override
    public void mount(Router r) {
        r.get("/content/:kind/:id/preview").handler(this::preview);
        r.get("/content/:kind/:id/preview/tv").handler(this::board);
        r.get("/content/:kind/:id/preview/web").handler(this::webPage);
    }

    /** What one item is on the channels, in one language: null parts where a channel does not show it. */
    private record Shown(String sms, String voiceScript, TvLine tvLine, String tvSection) {
    }

    private void preview(RoutingContext ctx) {
        ContentKind kind = ContentKind.parse(ctx.pathParam("kind"));
        String id = ctx.pathParam("id");
        vertx.executeBlocking(() -> {
            Revision r = readable(ctx, kind, id);
            if (r == null) return null;
            Record item = desk.recordOf(r);
            JsonArray langs = new JsonArray();
            for (Lang lang : Lang.values()) {
                JsonObject p = new JsonObject().put("lang", lang.code());
                try {
                    Shown s = shown(item, lang);
                    p.put("sms", s.sms()).put("chars", s.sms().length()).put("parts", MtSplitter.partsNeeded(s.sms()))
                            .put("voice", spoken(s.voiceScript(), lang)).put("tv", s.tvLine() != null);
                } catch (RuntimeException e) {
                    // e.g. a commodity or market not published yet: say so instead of failing the page
                    p.put("problem", e.getMessage() == null ? e.toString() : e.getMessage());
                }
                langs.add(p);
            }
            String k = kind.name().toLowerCase();
            return new JsonObject().put("kind", k).put("id", id).put("version", r.version())
                    .put("status", r.status().name()).put("previews", langs).put("web", webPath(item))
                    .put("tvPath", "/console/content/" + k + "/" + id + "/preview/tv")
                    .put("webPreviewPath", "/console/content/" + k + "/" + id + "/preview/web");
        }, false).onSuccess(m -> {
            if (m == null) notFound(ctx, kind, id);
            else view.render(ctx, "content-preview", m);
        }).onFailure(ctx::fail);
    }

    /** The TV board page with this item alone, as the board draws it (shown in a frame on the preview). */
    private void board(RoutingContext ctx) {
        ContentKind kind = ContentKind.parse(ctx.pathParam("kind"));
        String id = ctx.pathParam("id");
        Lang lang = Lang.parse(ctx.request().getParam("lang"), tvOptions.defaultLang());
        vertx.executeBlocking(() -> {
            Revision r = readable(ctx, kind, id);
            if (r == null) return null;
            Record item = desk.recordOf(r);
            Shown s = shown(item, lang);
            return s.tvLine() == null ? null : new Object[] {s, regionName(item, lang)};
        }, false).onSuccess(found -> {
            if (found == null) {
                notFound(ctx, kind, id);
                return;
            }
            Shown s = (Shown) found[0];
            tv.preview(s.tvSection(), s.tvLine(), lang, (String) found[1], ctx.request().uri()).onSuccess(html ->
                    ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                            .putHeader("Cache-Control", "no-store")
                            .putHeader("X-Frame-Options", "SAMEORIGIN") // shown in the console's own preview page
                            .end(html)).onFailure(ctx::fail);
        }).onFailure(ctx::fail);
    }

    /** The public web page this item will have, rendered by the web channel's own page code (shown in a frame). */
    private void webPage(RoutingContext ctx) {
        ContentKind kind = ContentKind.parse(ctx.pathParam("kind"));
        String id = ctx.pathParam("id");
        Lang lang = Lang.parse(ctx.request().getParam("lang"), webLang);
        vertx.executeBlocking(() -> {
            Revision r = readable(ctx, kind, id);
            return r == null ? null : desk.recordOf(r);
        }, false).onSuccess(item -> {
            if (item == null) {
                notFound(ctx, kind, id);
                return;
            }
            web.page(item, lang).onSuccess(page -> ctx.response()
                    .putHeader("Content-Type", page.contentType())
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("X-Frame-Options", "SAMEORIGIN") // shown in the console's own preview page
                    // as strict as the public site: no script, only its inline style, nothing from elsewhere
                    .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                            + "img-src 'self' data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'")
                    .end(io.vertx.core.buffer.Buffer.buffer(page.raw())))
                    .onFailure(e -> view.render(ctx, 422, "message", new JsonObject().put("message",
                            "no web preview: " + (e.getMessage() == null ? e.toString() : e.getMessage()))));
        }).onFailure(ctx::fail);
    }

    private Revision readable(RoutingContext ctx, ContentKind kind, String id) {
        Officer officer = ctx.get(Officer.CONTEXT_KEY);
        Revision r = desk.latest(kind, id);
        return r == null || !desk.mayRead(Editors.of(officer), r) ? null : r;
    }

    private void notFound(RoutingContext ctx, ContentKind kind, String id) {
        view.render(ctx, 404, "message", new JsonObject()
                .put("message", "no " + kind.name().toLowerCase() + " " + id + " in your region"));
    }

    private Shown shown(Record item, Lang lang) {
        ContentSnapshot s = snapshot.get();
        String url = tvOptions.publicUrl();
        if (item instanceof Notice n) {
            String text = sms.render(new Answer.Notices(lang, null, List.of(n)), Query.of(Intent.NOTICES, "", lang, Channel.SMS));
            LocalDate today = LocalDate.now(clock.withZone(tvOptions.zone()));
            return new Shown(text, voice.notice(n, 1, 1, lang), TvLine.notice(n, lang, url, tvOptions.zone(), today),
                    TvBoard.NOTICES);
        }
        if (item instanceof Guidance g) {
            Answer.Tips tips = new Answer.Tips(lang, commodity(s, g.commodityCode()), null, List.of(g));
            return new Shown(sms.render(tips, Query.of(Intent.GUIDANCE, "", lang, Channel.SMS)), voice.script(tips, lang),
                    null, null);
        }
        Price p = (Price) item;
        Commodity c = commodity(s, p.commodityCode());
        PriceRow row = new PriceRow(market(s, p.marketId()), p.date(), p.min(), p.avg(), p.max(), previousAvg(s, p), p.unit());
        Answer.Prices prices = new Answer.Prices(lang, c, null, List.of(row));
        return new Shown(sms.render(prices, Query.of(Intent.PRICE, "", lang, Channel.SMS)), voice.script(prices, lang),
                TvLine.price(c, row, lang, url, tvOptions.zone()), TvBoard.PRICES);
    }

    /** The words the hotline speaks: numbers read as words, recorded sounds named. */
    private static String spoken(String script, Lang lang) {
        StringBuilder out = new StringBuilder();
        for (Part part : SpokenScript.parse(script, lang, true)) {
            if (out.length() > 0) out.append(' ');
            if (part instanceof Part.Speech sp) out.append(sp.text());
            else if (part instanceof Part.Sound sound) out.append('[').append(sound.name()).append(']');
        }
        return out.toString();
    }

    /** The average of the published report before this one at the same market, for the change. */
    private static java.math.BigDecimal previousAvg(ContentSnapshot s, Price p) {
        java.math.BigDecimal before = null;
        for (Price h : s.history(p.commodityCode(), p.marketId())) {
            if (h.date().isBefore(p.date())) before = h.avg();
        }
        return before;
    }

    private String regionName(Record item, Lang lang) {
        ContentSnapshot s = snapshot.get();
        List<String> scope = item instanceof Notice n ? n.regionScope()
                : item instanceof Price p && s.market(p.marketId()) != null ? List.of(s.market(p.marketId()).regionCode())
                : List.of();
        Region region = scope == null || scope.isEmpty() ? null : s.region(scope.get(0));
        return region == null ? "" : region.name().in(lang);
    }

    private static String webPath(Record item) {
        if (item instanceof Notice n) return "/notices/" + n.id();
        if (item instanceof Guidance g) return "/guidance/" + g.id();
        Price p = (Price) item;
        return "/prices/" + p.commodityCode() + "/" + p.marketId();
    }

    private static Commodity commodity(ContentSnapshot s, String code) {
        Commodity c = s.commodity(code);
        if (c == null) throw new IllegalArgumentException("commodity " + code + " is not published");
        return c;
    }

    private static Market market(ContentSnapshot s, String id) {
        Market m = s.market(id);
        if (m == null) throw new IllegalArgumentException("market " + id + " is not published");
        return m;
    }
}
