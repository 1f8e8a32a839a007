package org.sandian.broadcast.subscriber;

import java.util.Locale;

/** Subscription topics as stored: "price:&lt;commodity&gt;", "guidance:&lt;crop&gt;", "notices". */
public final class Topics {

    public static final String NOTICES = "notices";

    private Topics() {
    }

    public static String price(String commodity) {
        return "price:" + commodity.toLowerCase(Locale.ROOT);
    }

    public static String guidance(String crop) {
        return "guidance:" + crop.toLowerCase(Locale.ROOT);
    }

    /** The stored form of {@code topic} ("price" + "maize" gives "price:maize"). */
    public static String of(String topic, String commodity) {
        String t = topic == null ? "" : topic.trim().toLowerCase(Locale.ROOT);
        if (t.equals(NOTICES)) return NOTICES;
        if (commodity == null || commodity.isBlank()) throw new IllegalArgumentException("topic " + t + " needs a commodity");
        if (t.equals("price")) return price(commodity.trim());
        if (t.equals("guidance")) return guidance(commodity.trim());
        throw new IllegalArgumentException("unknown topic: " + topic);
    }

    /** Checks a topic already in stored form ("price:maize"), as an officer's CSV gives it. */
    public static String parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals(NOTICES)) return t;
        int colon = t.indexOf(':');
        if (colon < 0) throw new IllegalArgumentException("unknown topic \"" + text + "\" (price:<commodity>, guidance:<crop>, notices)");
        return of(t.substring(0, colon), t.substring(colon + 1));
    }
}
