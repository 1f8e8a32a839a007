package org.sandian.channels.voice.speech;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sandian.content.model.Lang;

/**
 * What the voice templates write: plain text with marks for what must be read exactly.
 * {@code [[n:2.35]]} a number, {@code [[d:1234]]} digits one by one, {@code [[f:name]]} a recorded
 * sound. With speech synthesis, numbers become words (一点二五) inside the spoken text; without it,
 * text is dropped and numbers are said by Asterisk (SAY NUMBER, SAY DIGITS).
 */
public final class SpokenScript {

    private static final Pattern MARK = Pattern.compile("\\[\\[([nfd]):([^\\]]*)]]");
    /** Said between the whole and the fraction of a number when Asterisk reads it. */
    public static final String POINT_SOUND = "letters/dot";

    private SpokenScript() {
    }

    public static String number(Object value) {
        return "[[n:" + value + "]]";
    }

    public static String digits(Object value) {
        return "[[d:" + value + "]]";
    }

    public static String sound(String name) {
        return "[[f:" + name + "]]";
    }

    /** Splits a template's output into parts; line breaks and runs of spaces become single spaces. */
    public static List<Part> parse(String script, Lang lang, boolean speech) {
        String input = script.replaceAll("\\s+", " ").strip();
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Matcher m = MARK.matcher(input);
        int last = 0;
        while (m.find()) {
            text.append(input, last, m.start());
            last = m.end();
            String kind = m.group(1);
            String value = m.group(2).strip();
            if (kind.equals("f")) {
                flush(parts, text, lang, speech);
                parts.add(new Part.Sound(value));
            } else if (speech) {
                text.append(kind.equals("n") ? numberWords(value, lang) : digitWords(value, lang));
            } else {
                flush(parts, text, lang, false);
                if (kind.equals("d")) parts.add(new Part.Digits(value));
                else addNumber(parts, value);
            }
        }
        text.append(input, last, input.length());
        flush(parts, text, lang, speech);
        return parts;
    }

    private static void flush(List<Part> parts, StringBuilder text, Lang lang, boolean speech) {
        String t = text.toString().strip();
        if (speech && !t.isEmpty()) parts.add(new Part.Speech(t, lang));
        text.setLength(0);
    }

    private static void addNumber(List<Part> parts, String value) {
        String plain = new BigDecimal(value).stripTrailingZeros().toPlainString();
        int dot = plain.indexOf('.');
        parts.add(new Part.Number(dot < 0 ? plain : plain.substring(0, dot)));
        if (dot >= 0) {
            parts.add(new Part.Sound(POINT_SOUND));
            parts.add(new Part.Digits(plain.substring(dot + 1)));
        }
    }

    private static String numberWords(String value, Lang lang) {
        BigDecimal n = new BigDecimal(value);
        return lang == Lang.EN ? n.stripTrailingZeros().toPlainString() : ChineseNumbers.read(n);
    }

    private static String digitWords(String value, Lang lang) {
        return lang == Lang.EN ? String.join(" ", value.split("")) : ChineseNumbers.digits(value);
    }
}
