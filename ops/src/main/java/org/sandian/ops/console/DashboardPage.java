package org.sandian.ops.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.sandian.broadcast.outbox.BroadcastEngine;
import org.sandian.content.model.RegionCode;
import org.sandian.content.model.RegionLevel;
import org.sandian.content.store.MongoStore;
import org.sandian.ops.auth.Officer;

/**
 * What works and what does not, as server-drawn SVG: queries per channel per day, unanswered
 * queries (what farmers asked that we could not answer), the commodities asked most, questions
 * answered within their time limit, and delivery per broadcast. Limited to the officer's region.
 */
final class DashboardPage implements ConsolePage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final Vertx vertx;
    private final MongoStore store;
    private final BroadcastEngine engine;
    private final View view;
    private final ZoneId zone;
    private final Clock clock;

    DashboardPage(Vertx vertx, MongoStore store, BroadcastEngine engine, View view, ZoneId zone, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.engine = engine;
        this.view = view;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public void mount(Router r) {
        r.get("/dashboard").handler(this::page);
    }

    private void page(RoutingContext ctx) {
        Officer officer = ctx.get(Officer.CONTEXT_KEY);
        String scope = RegionCode.levelOf(officer.regionCode()) == RegionLevel.PROVINCE ? null : officer.regionCode();
        vertx.executeBlocking(() -> DashboardFigures.read(store, engine, officer.forBroadcast(), scope, zone, clock), false)
                .onSuccess(f -> view.render(ctx, "dashboard", model(f))).onFailure(ctx::fail);
    }

    private JsonObject model(DashboardFigures f) {
        java.util.Map<String, long[]> unanswered = new java.util.LinkedHashMap<>();
        unanswered.put("unanswered", f.unansweredByDay);
        JsonArray recent = new JsonArray();
        f.recentUnanswered.forEach(e -> recent.add(new JsonObject().put("at", e.at() == null ? "" : TIME.format(e.at().atZone(zone)))
                .put("channel", String.valueOf(e.channel())).put("intent", String.valueOf(e.intent()))
                .put("terms", e.terms() == null ? "" : e.terms()).put("kind", e.kind() == null ? "" : e.kind())));
        long answered = f.questions.get("answeredInTime") + f.questions.get("answeredLate");
        return new JsonObject().put("queries", f.queries)
                .put("chartChannels", SvgCharts.lines("chart-channels", f.days, f.queriesByChannel))
                .put("chartUnanswered", SvgCharts.lines("chart-unanswered", f.days, unanswered))
                .put("chartAsked", SvgCharts.bars("chart-asked", f.topAsked, ""))
                .put("chartQuestions", SvgCharts.bars("chart-questions", f.questions, ""))
                .put("chartDelivery", SvgCharts.bars("chart-delivery", f.deliveredPercent, "%"))
                .put("withinLimit", answered == 0 ? "-" : Math.round(100.0 * f.questions.get("answeredInTime") / answered) + "%")
                .put("unanswered", recent);
    }
}
