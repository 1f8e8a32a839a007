package org.sandian.channels.tv;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sandian.channels.web.http.Page;
import org.sandian.channels.web.view.Messages;
import org.sandian.channels.web.view.Templates;
import org.sandian.content.model.Lang;

/**
 * One page of the full-screen board as the village TV draws it: the live board turns through its
 * pages, and the officers' console previews a single item on it before it is published.
 */
public final class TvBoard {

    /** The sections a board page can show. */
    public static final String BROADCASTS = "broadcasts";
    public static final String PRICES = "prices";
    public static final String NOTICES = "notices";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TvOptions options;
    private final Templates html;
    private final Messages messages = new Messages("tv-messages");
    private final Clock clock;

    public TvBoard(Vertx vertx, TvOptions options, Clock clock) {
        this.options = options;
        this.html = Templates.html(vertx, "tv-templates");
        this.clock = clock;
    }

    /** A board with the one page of section {@code kind} holding {@code line}; it refreshes to {@code self}. */
    public Future<String> preview(String kind, TvLine line, Lang lang, String regionName, String self) {
        return render(List.of(page(kind, List.of(line))), 0, lang, regionName, self)
                .map(p -> new String(p.raw(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Page {@code p} of {@code pages}; after its seconds the TV goes to {@code next}. */
    Future<Page> render(List<Map<String, Object>> pages, int p, Lang lang, String regionName, String next) {
        Map<String, Object> m = new HashMap<>();
        m.put("t", messages.in(lang));
        m.put("lang", lang.code());
        m.put("page", pages.get(p));
        m.put("number", p + 1);
        m.put("count", pages.size());
        m.put("seconds", options.secondsPerPage());
        m.put("next", next);
        m.put("regionName", regionName);
        m.put("clock", CLOCK.format(ZonedDateTime.now(clock.withZone(options.zone()))));
        return html.render("board", m);
    }

    static Map<String, Object> page(String kind, List<TvLine> lines) {
        List<Map<String, String>> shown = lines.stream()
                .map(l -> Map.of("head", l.head(), "detail", l.detail() == null ? "" : l.detail())).toList();
        return Map.of("kind", kind, "lines", shown);
    }
}
