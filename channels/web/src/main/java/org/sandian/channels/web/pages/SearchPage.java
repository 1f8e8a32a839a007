package org.sandian.channels.web.pages;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import org.sandian.channels.web.http.Page;
import org.sandian.channels.web.http.Responder;
import org.sandian.channels.web.http.Visitor;
import org.sandian.channels.web.view.PriceViews;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.AnswerService;
import org.sandian.content.answer.Candidate;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.answer.Query;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Guidance;
import org.sandian.content.model.LocalizedText;
import org.sandian.content.model.Notice;
import org.sandian.content.names.TextNormalizer;
import org.sandian.content.snapshot.ContentSnapshot;

/**
 * Search: commodities through the answer engine (the same synonyms, pinyin and typo tolerance as
 * SMS, so "yumu" or "苞谷" finds 玉米), then notices and guidance whose words contain the query or
 * that concern the commodity found.
 */
public final class SearchPage {

    static final int MAX_INPUT = 60;
    static final int MAX_HITS = 10;

    private final Site site;
    private final AnswerService answers;

    public SearchPage(Site site, AnswerService answers) {
        this.site = site;
        this.answers = answers;
    }

    public void handle(RoutingContext ctx) {
        Visitor v = site.visitor(ctx);
        String raw = ctx.request().getParam("q");
        String q = raw == null ? "" : raw.strip();
        if (q.length() > MAX_INPUT) q = q.substring(0, MAX_INPUT);
        // Not cached: an answer service that is down for a moment must not leave a failed page behind.
        site.send(ctx, 200, render(ctx, v, q), Responder.REVALIDATE);
    }

    private Future<Page> render(RoutingContext ctx, Visitor v, String q) {
        Map<String, Object> m = site.model(ctx, v, site.messages.get(v.lang(), "search_title"));
        m.put("q", q);
        if (q.isEmpty()) return site.templates.render("search", m);
        Query query = new Query(Intent.PRICE, q, v.lang(), Channel.WEB, null, v.region(), 1);
        return answers.answer(query).otherwise(e -> new Answer.Failed(v.lang(), Intent.PRICE, "unavailable"))
                .compose(answer -> {
            ContentSnapshot s = site.snapshot.get();
            Commodity found = null;
            if (answer instanceof Answer.Prices p) {
                found = p.commodity();
                Commodity c = found;
                m.put("commodity", Map.of("code", c.code(), "name", c.name().in(v.lang())));
                m.put("rows", p.rows().stream().limit(3).map(r -> PriceViews.row(s, c, r, v.lang(), site.today())).toList());
            } else if (answer instanceof Answer.Choose choose) {
                m.put("choices", choose.candidates().stream().filter(c -> c.kind() == Candidate.Kind.COMMODITY)
                        .map(c -> Map.of("code", c.code(), "name", c.name().in(v.lang()))).toList());
            } else if (answer instanceof Answer.NotFound nf && nf.suggestion() != null
                    && nf.suggestion().kind() == Candidate.Kind.COMMODITY) {
                m.put("suggestion", Map.of("code", nf.suggestion().code(), "name", nf.suggestion().name().in(v.lang())));
            } else if (answer instanceof Answer.Failed) {
                m.put("failed", true);
            }
            String folded = TextNormalizer.fold(q);
            Commodity crop = found;
            m.put("notices", s.noticesFor(v.region(), site.today()).stream()
                    .filter(n -> mentions(n.title(), folded, crop) || mentions(n.body(), folded, crop))
                    .limit(MAX_HITS).map(n -> ContentViews.notice(n, v.lang())).toList());
            m.put("tips", s.guidanceFor(null, v.region()).stream()
                    .filter(g -> matches(g, folded, crop))
                    .limit(MAX_HITS).map(g -> ContentViews.guidance(s, g, v.lang())).toList());
            return site.templates.render("search", m);
        });
    }

    private static boolean matches(Guidance g, String folded, Commodity crop) {
        if (crop != null && crop.code().equals(g.commodityCode())) return true;
        return mentions(g.topic(), folded, null) || mentions(g.text(), folded, null);
    }

    /** True when the text contains the query, or the found commodity's name, in either language. */
    private static boolean mentions(LocalizedText text, String folded, Commodity crop) {
        if (text == null) return false;
        for (String s : new String[] {text.zh(), text.en()}) {
            if (s == null) continue;
            String t = TextNormalizer.fold(s);
            if (folded.length() >= 2 && t.contains(folded)) return true;
            if (crop != null && names(crop).stream().anyMatch(t::contains)) return true;
        }
        return false;
    }

    private static List<String> names(Commodity c) {
        return java.util.stream.Stream.of(c.name().zh(), c.name().en())
                .filter(n -> n != null && !n.isBlank()).map(TextNormalizer::fold).toList();
    }
}
