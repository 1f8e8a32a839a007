package org.sandian.channels.web.view;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sandian.content.answer.PriceRow;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Lang;
import org.sandian.content.model.Price;
import org.sandian.content.snapshot.ContentSnapshot;

/** Price rows as the flat maps templates read: every number already formatted. */
public final class PriceViews {

    public static final int TREND_DAYS = 30;

    private PriceViews() {
    }

    public static Map<String, Object> row(ContentSnapshot s, Commodity c, PriceRow r, Lang lang, LocalDate today) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", c.code());
        m.put("name", c.name().in(lang));
        m.put("market", r.market().name().in(lang));
        m.put("marketId", r.market().id());
        m.put("date", r.date().toString());
        m.put("min", Format.price(r.min()));
        m.put("avg", Format.price(r.avg()));
        m.put("max", Format.price(r.max()));
        m.put("unit", unit(c, r.unit(), lang));
        m.put("change", Format.change(r.change()));
        m.put("up", r.change() != null && r.change().signum() > 0);
        m.put("down", r.change() != null && r.change().signum() < 0);
        List<BigDecimal> trend = trend(s, c.code(), r.market().id(), today);
        m.put("spark", Sparkline.points(trend));
        m.put("trend", Format.trend(trend));
        return m;
    }

    /** Averages of the last {@value #TREND_DAYS} days at one market, oldest first. */
    public static List<BigDecimal> trend(ContentSnapshot s, String code, String marketId, LocalDate today) {
        LocalDate since = today.minusDays(TREND_DAYS);
        return s.history(code, marketId).stream().filter(p -> p.date().isAfter(since)).map(Price::avg).toList();
    }

    public static String unit(Commodity c, String rowUnit, Lang lang) {
        if (c.unit() != null) {
            String u = c.unit().in(lang);
            if (u != null && !u.isBlank()) return u;
        }
        return rowUnit == null ? "" : rowUnit;
    }
}
