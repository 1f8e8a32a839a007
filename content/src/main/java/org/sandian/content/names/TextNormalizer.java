package org.sandian.content.names;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds what farmers type into one comparable form: full-width to half-width (NFKC), lower case,
 * punctuation and spaces removed. "ＰＲＩＣＥ，玉米！" and "price玉米" fold alike.
 */
public final class TextNormalizer {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** No code point below this one is Han: most chars farmers type are answered without a script lookup. */
    private static final int FIRST_HAN = firstHan();

    private TextNormalizer() {
    }

    public static String fold(String text) {
        if (text == null) return "";
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); ) {
            int c = nfkc.codePointAt(i);
            if (Character.isLetterOrDigit(c)) out.appendCodePoint(c);
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /** NFKC and trimmed, keeping spaces (for splitting into words); punctuation becomes a space. */
    public static String clean(String text) {
        if (text == null) return "";
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(c -> out.appendCodePoint(Character.isLetterOrDigit(c) ? c : ' '));
        return SPACES.matcher(out.toString().trim()).replaceAll(" ");
    }

    public static boolean hasHan(String text) {
        if (text == null) return false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c >= FIRST_HAN && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) return true;
            i += Character.charCount(c);
        }
        return false;
    }

    private static int firstHan() {
        int c = 0;
        while (c < Character.MAX_CODE_POINT && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) c++;
        return c;
    }
}
