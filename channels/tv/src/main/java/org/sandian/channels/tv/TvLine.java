package org.sandian.channels.tv;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.sandian.channels.web.view.Format;
import org.sandian.channels.web.view.PriceViews;
import org.sandian.content.answer.PriceRow;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Lang;
import org.sandian.content.model.Notice;

/** One item on the board and in the feeds: a headline and a detail, with a stable id and a date. */
public record TvLine(String guid, String head, String detail, String link, Instant date) {

    /** A price as the board and feeds show it: commodity; price, unit, change and market. */
    public static TvLine price(Commodity c, PriceRow r, Lang lang, String url, ZoneId zone) {
        String detail = Format.price(r.avg()) + " " + PriceViews.unit(c, r.unit(), lang) + " "
                + Format.change(r.change()) + "  " + r.market().name().in(lang);
        return new TvLine("price-" + c.code() + "-" + r.market().id() + "-" + r.date(), c.name().in(lang),
                detail.replaceAll(" {3,}", "  "), url + "/prices/" + c.code(), r.date().atStartOfDay(zone).toInstant());
    }

    /** A notice as the board and feeds show it: title; issuing department. */
    public static TvLine notice(Notice n, Lang lang, String url, ZoneId zone, LocalDate today) {
        return new TvLine("notice-" + n.id(), n.title().in(lang),
                n.department() == null ? "" : n.department().in(lang), url + "/notices/" + n.id(),
                (n.effective() == null ? today : n.effective()).atStartOfDay(zone).toInstant());
    }

    /** As one caption line: no line breaks inside. */
    public String caption() {
        String s = detail == null || detail.isBlank() ? head : head + "  " + detail;
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
