package org.sandian.content.model;

import java.util.Locale;

/** The languages a farmer can be answered in. Chinese first: it is the hub's default. */
public enum Lang {
    ZH, EN;

    /** Parses "zh", "EN", "中文", "english"...; unknown text gives {@code fallback}. */
    public static Lang parse(String text, Lang fallback) {
        if (text == null) return fallback;
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("zh") || t.equals("cn") || t.equals("中文") || t.equals("中") || t.equals("汉语")) return ZH;
        if (t.startsWith("en") || t.equals("英文") || t.equals("英语")) return EN;
        return fallback;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return this == ZH ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
