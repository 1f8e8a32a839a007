package org.sandian.channels.web.view;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A price trend as a tiny inline SVG polyline (a few hundred bytes, no script, no file to fetch).
 * Text browsers skip it; the page shows the same trend as ▲▼ text beside it.
 */
public final class Sparkline {

    static final int WIDTH = 90;
    static final int HEIGHT = 20;

    private Sparkline() {
    }

    /** The points attribute for values oldest first, or "" when there are fewer than two. */
    public static String points(List<BigDecimal> values) {
        if (values.size() < 2) return "";
        double min = values.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        double span = max - min == 0 ? 1 : max - min;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            double x = (double) i * WIDTH / (values.size() - 1);
            double y = HEIGHT - 1 - (values.get(i).doubleValue() - min) * (HEIGHT - 2) / span;
            if (i > 0) sb.append(' ');
            sb.append(String.format(Locale.ROOT, "%.0f,%.0f", x, y));
        }
        return sb.toString();
    }
}
