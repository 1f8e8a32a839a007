package org.sandian.ops.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.sandian.content.editing.ContentDesk;
import org.sandian.content.editing.ContentKind;
import org.sandian.content.editing.Editor;
import org.sandian.content.editing.Revision;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Lang;
import org.sandian.content.model.Market;
import org.sandian.content.model.Price;
import org.sandian.content.snapshot.ContentSnapshot;
import org.sandian.ops.auth.Officer;

/**
 * Prices waiting for review (CSV imports, reporters' texts) in the reviewer's region, a page at a
 * time with a checkbox each; "select all on this page" is a link that ticks them (no script), and
 * one post approves every ticked price through the desk: each under the usual rules (region, a
 * second person) and with its own audit record; refusals are listed, the rest are published.
 */
final class PriceReviewPage implements ConsolePage {

    static final int PER_PAGE = 50;
    /** More than a page's worth in one post is not a form of ours. */
    static final int MOST_PER_POST = 500;

    private final Vertx vertx;
    private final ContentDesk desk;
    private final View view;
    private final Supplier<ContentSnapshot> snapshot;

    PriceReviewPage(Vertx vertx, ContentDesk desk, View view, Supplier<ContentSnapshot> snapshot) {
        this.vertx = vertx;
        this.desk = desk;
        this.view = view;
        this.snapshot = snapshot;
    }

    @Override
    public void mount(Router r) {
        r.get("/prices/review").handler(this::list);
        r.post("/prices/review").handler(this::approve);
    }

    private void list(RoutingContext ctx) {
        Editor reviewer = reviewerOrRefuse(ctx);
        if (reviewer == null) return;
        Lang lang = ConsoleSession.lang(ctx);
        boolean all = "1".equals(ctx.request().getParam("all"));
        int wanted = page(ctx.request().getParam("page"));
        vertx.executeBlocking(() -> {
            List<Revision> waiting = desk.awaitingReview(reviewer).stream().filter(r -> r.kind() == ContentKind.PRICE)
                    .sorted(Comparator.comparing(Revision::docId)).toList();
            int pages = Math.max(1, (waiting.size() + PER_PAGE - 1) / PER_PAGE);
            int p = Math.min(wanted, pages);
            JsonArray rows = new JsonArray();
            for (Revision r : waiting.subList((p - 1) * PER_PAGE, Math.min(p * PER_PAGE, waiting.size()))) {
                rows.add(row(r, (Price) desk.recordOf(r), lang));
            }
            return new JsonObject().put("rows", rows).put("waiting", waiting.size()).put("page", p).put("pages", pages)
                    .put("all", all);
        }, false).onSuccess(m -> view.render(ctx, "price-review", m)).onFailure(ctx::fail);
    }

    private void approve(RoutingContext ctx) {
        Editor reviewer = reviewerOrRefuse(ctx);
        if (reviewer == null) return;
        List<String> ids = ctx.request().formAttributes().getAll("id").stream().map(String::trim)
                .filter(s -> !s.isEmpty()).distinct().toList();
        String back = "/console/prices/review?page=" + page(ctx.request().getFormAttribute("page"));
        if (ids.isEmpty() || ids.size() > MOST_PER_POST) {
            ConsoleSession.flash(ctx, ids.isEmpty() ? "tick at least one price to approve"
                    : "at most " + MOST_PER_POST + " prices at a time");
            ConsoleRoutes.redirect(ctx, back);
            return;
        }
        vertx.executeBlocking(() -> desk.approveAll(reviewer, ContentKind.PRICE, ids), false).onSuccess(outcome -> {
            ConsoleSession.flash(ctx, summary(outcome));
            ConsoleRoutes.redirect(ctx, back);
        }).onFailure(ctx::fail);
    }

    /** "3 prices published" and, when some were refused, which and why. */
    static String summary(Map<String, String> outcome) {
        long published = outcome.values().stream().filter(v -> v == null).count();
        StringBuilder s = new StringBuilder().append(published).append(published == 1 ? " price" : " prices").append(" published");
        outcome.forEach((id, refused) -> {
            if (refused != null) s.append("; not ").append(id).append(": ").append(refused);
        });
        return s.toString();
    }

    private JsonObject row(Revision r, Price p, Lang lang) {
        ContentSnapshot s = snapshot.get();
        Commodity c = s.commodity(p.commodityCode());
        Market m = s.market(p.marketId());
        return new JsonObject().put("id", r.docId())
                .put("commodity", c == null ? p.commodityCode() : c.name().in(lang))
                .put("market", m == null ? p.marketId() : m.name().in(lang))
                .put("date", String.valueOf(p.date())).put("min", plain(p.min())).put("avg", plain(p.avg()))
                .put("max", plain(p.max())).put("unit", p.unit() == null ? "" : p.unit())
                .put("author", r.author()).put("version", r.version());
    }

    /** The officer as a reviewer, or null once a refusal page has been sent. */
    private Editor reviewerOrRefuse(RoutingContext ctx) {
        Editor editor = Editors.of(ctx.get(Officer.CONTEXT_KEY));
        if (editor.may(Editor.Right.REVIEW)) return editor;
        view.render(ctx, 403, "message", new JsonObject().put("message", "only a reviewer approves prices"));
        return null;
    }

    private static int page(String text) {
        try {
            return text == null ? 1 : Math.max(1, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String plain(java.math.BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
