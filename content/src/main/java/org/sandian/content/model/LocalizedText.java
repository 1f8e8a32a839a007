package org.sandian.content.model;

/** A text in Chinese and English; a missing translation falls back to the other one. */
public record LocalizedText(String zh, String en) {

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    public String in(Lang lang) {
        String wanted = lang == Lang.EN ? en : zh;
        if (wanted != null && !wanted.isBlank()) return wanted;
        return lang == Lang.EN ? zh : en;
    }
}
