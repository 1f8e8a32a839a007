package org.sandian.channels.sms.dialogue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sandian.content.memo.Memo;
import org.sandian.content.names.TextNormalizer;

/**
 * Market names short enough for an SMS line: the generic words at the end go ("武汉白沙洲农副产品大市场"
 * gives "武汉白沙洲", "Wuhan Baishazhou Agricultural Products Market" gives "Wuhan Baishazhou"); the
 * city and the place that tell markets apart stay.
 */
final class ShortNames {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Names already shortened: a price reply shortens every market on it, and there are few markets. */
    private static final Memo<String, String> SHORT = new Memo<>(1_000);

    private static final List<String> ZH_GENERIC = List.of("市场", "中心", "城", "大", "批发", "交易", "物流",
            "农副产品", "农产品", "蔬菜", "果品", "农贸", "平原", "水产", "集贸", "综合");
    private static final List<String> EN_GENERIC = List.of("market", "markets", "centre", "center", "city",
            "wholesale", "trading", "trade", "logistics", "products", "produce", "agricultural", "farm", "vegetable",
            "vegetables", "fruit", "and", "plain", "general", "&");

    private ShortNames() {
    }

    /** The short form of a market's name, Chinese or English as written. */
    static String of(String name) {
        return SHORT.get(name, n -> TextNormalizer.hasHan(n) ? zh(n) : en(n));
    }

    static String zh(String name) {
        String s = name.strip();
        boolean cut = true;
        while (cut) {
            cut = false;
            for (String word : ZH_GENERIC) {
                if (s.endsWith(word) && s.length() - word.length() >= 2) {
                    s = s.substring(0, s.length() - word.length());
                    cut = true;
                }
            }
        }
        return s;
    }

    static String en(String name) {
        String[] words = SPACES.split(name.strip());
        int end = words.length;
        while (end > 1 && EN_GENERIC.contains(words[end - 1].toLowerCase(Locale.ROOT))) end--;
        return String.join(" ", Arrays.copyOf(words, end));
    }
}
