package org.sandian.ops.console;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small charts drawn on the server as inline SVG (no script, readable in an old browser): every
 * label is XML-escaped here because the template outputs the SVG as it is.
 */
final class SvgCharts {

    private static final String[] COLOURS = {"#2d5a27", "#c0392b", "#2471a3", "#b7950b", "#7d3c98"};

    private SvgCharts() {
    }

    /** Horizontal bars, one per label; values are shown at the bar's end ({@code suffix} e.g. "%"). */
    static String bars(String id, Map<String, ? extends Number> values, String suffix) {
        int rowH = 22;
        int labelW = 160;
        int barW = 360;
        double max = values.values().stream().mapToDouble(Number::doubleValue).max().orElse(0);
        StringBuilder s = open(id, labelW + barW + 70, Math.max(1, values.size()) * rowH + 6);
        int y = 4;
        for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
            double v = e.getValue().doubleValue();
            int w = max <= 0 ? 0 : (int) Math.round(barW * v / max);
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\">%s</text>",
                    labelW - 6, y + 14, esc(e.getKey())));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"%s\"/>",
                    labelW, y, w, COLOURS[0]));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s%s</text>",
                    labelW + w + 4, y + 13, number(v), esc(suffix)));
            y += rowH;
        }
        return s.append("</svg>").toString();
    }

    /** One line per series over the same x labels (days), with a legend. */
    static String lines(String id, List<String> xLabels, Map<String, long[]> series) {
        int w = 560;
        int h = 200;
        int left = 40;
        int bottom = 30;
        long max = 1;
        for (long[] v : series.values()) for (long x : v) max = Math.max(max, x);
        StringBuilder s = open(id, w + 120, h);
        int plotW = w - left - 10;
        int plotH = h - bottom - 10;
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", left, 10 + plotH,
                left + plotW, 10 + plotH));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"11\">%d</text>",
                left - 4, 16, max));
        int n = xLabels.size();
        for (int i = 0; i < n; i += Math.max(1, n / 7)) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\">%s</text>",
                    x(i, n, left, plotW), h - 12, esc(xLabels.get(i))));
        }
        int c = 0;
        for (Map.Entry<String, long[]> e : series.entrySet()) {
            String colour = COLOURS[c % COLOURS.length];
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < n; i++) {
                long v = i < e.getValue().length ? e.getValue()[i] : 0;
                pts.append(x(i, n, left, plotW)).append(',').append(10 + plotH - (int) (plotH * v / max)).append(' ');
            }
            s.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"")
                    .append(pts.toString().trim()).append("\"><title>").append(esc(e.getKey())).append("</title></polyline>");
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", w + 4,
                    12 + 16 * c, colour));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", w + 18, 21 + 16 * c,
                    esc(e.getKey())));
            c++;
        }
        return s.append("</svg>").toString();
    }

    private static int x(int i, int n, int left, int plotW) {
        return left + (n <= 1 ? plotW / 2 : plotW * i / (n - 1));
    }

    private static StringBuilder open(String id, int w, int h) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
                esc(id), w, h, w, h));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
