package org.sandian.channels.sms.dialogue;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.answer.Query;
import org.sandian.content.model.Lang;
import org.sandian.content.names.EditDistance;
import org.sandian.content.names.TextNormalizer;

/**
 * Turns an SMS text into a {@link Query}: the keyword gives the intent, the rest is passed on as
 * terms for the answer engine to resolve. Tolerant of case, full-width characters, missing or extra
 * spaces, punctuation and one-letter typos in Latin keywords; text without a keyword is a GUESS
 * (a bare commodity name means its price).
 */
public final class KeywordParser {

    /** Chinese keywords, matched at the start of the text even with no space after them. */
    private static final Map<String, Intent> HAN = Map.ofEntries(
            Map.entry("价格", Intent.PRICE), Map.entry("行情", Intent.PRICE),
            Map.entry("技术", Intent.GUIDANCE),
            Map.entry("政策", Intent.NOTICES), Map.entry("通知", Intent.NOTICES),
            Map.entry("订阅", Intent.SUBSCRIBE), Map.entry("注册", Intent.REGISTER), Map.entry("语言", Intent.LANGUAGE),
            Map.entry("问", Intent.ASK), Map.entry("问题", Intent.ASK), Map.entry("咨询", Intent.ASK),
            Map.entry("投诉", Intent.COMPLAIN), Map.entry("查询", Intent.STATUS), Map.entry("报价", Intent.REPORT),
            Map.entry("帮助", Intent.HELP));

    /** Longest first, so "问题" wins over "问". */
    private static final List<String> HAN_ORDER = HAN.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();

    /** Latin keywords (lower case), matched as the first word, or glued to Chinese ("JG玉米"). */
    private static final Map<String, Intent> LATIN = Map.ofEntries(
            Map.entry("price", Intent.PRICE), Map.entry("prices", Intent.PRICE), Map.entry("jg", Intent.PRICE),
            Map.entry("tip", Intent.GUIDANCE), Map.entry("tips", Intent.GUIDANCE),
            Map.entry("news", Intent.NOTICES),
            Map.entry("sub", Intent.SUBSCRIBE), Map.entry("subscribe", Intent.SUBSCRIBE),
            Map.entry("reg", Intent.REGISTER), Map.entry("register", Intent.REGISTER),
            Map.entry("lang", Intent.LANGUAGE), Map.entry("language", Intent.LANGUAGE),
            Map.entry("ask", Intent.ASK), Map.entry("complain", Intent.COMPLAIN), Map.entry("status", Intent.STATUS),
            Map.entry("report", Intent.REPORT),
            Map.entry("help", Intent.HELP));

    /** Unsubscribe only as the whole message: "N" or "STOP" inside a sentence means nothing. */
    private static final Set<String> STOP = Set.of("td", "退订", "n", "stop", "unsub", "unsubscribe");
    private static final Set<String> STOP_FUZZY = Set.of("stop", "unsub", "unsubscribe");
    private static final Set<String> MORE = Set.of("更多", "more");
    private static final Set<String> HELP_ALONE = Set.of("帮助", "help", "菜单", "menu");

    /** Letters-only codes that are pinyin initials, not English: they say nothing of the language. */
    private static final Set<String> NOT_ENGLISH = Set.of("td", "jg", "n", "zc", "js");

    private KeywordParser() {
    }

    /** The query for {@code text} from {@code sender}; lang is null when the text does not tell. */
    public static Query parse(String text, String sender) {
        String s = strip(text);
        Lang lang = langOf(s);
        String folded = TextNormalizer.fold(s);
        if (folded.isEmpty()) return query(Intent.HELP, "", lang, sender); // "?", "？", empty
        if (STOP.contains(folded) || isTypoOf(folded, STOP_FUZZY)) return query(Intent.UNSUBSCRIBE, "", lang, sender);
        if (HELP_ALONE.contains(folded) || isTypoOf(folded, Set.of("help"))) {
            return query(Intent.HELP, "", lang, sender);
        }

        for (String keyword : HAN_ORDER) {
            if (s.startsWith(keyword)) {
                Intent intent = HAN.get(keyword);
                return query(intent, terms(intent, s.substring(keyword.length())), lang, sender);
            }
        }
        int latinEnd = latinRunEnd(s);
        if (latinEnd > 0) {
            String word = s.substring(0, latinEnd).toLowerCase(Locale.ROOT);
            Intent intent = LATIN.get(word);
            if (intent == null) intent = typoOf(word);
            if (intent != null) return query(intent, terms(intent, s.substring(latinEnd)), lang, sender);
        }
        return query(Intent.GUESS, s, lang, sender);
    }

    /** True when the whole message asks for the next page of the last long answer. */
    public static boolean isMore(String text) {
        String folded = TextNormalizer.fold(text);
        return MORE.contains(folded) || isTypoOf(folded, Set.of("more"));
    }

    /** ZH when the text has Han characters, EN for English words, null for codes and digits. */
    public static Lang langOf(String text) {
        if (TextNormalizer.hasHan(text)) return Lang.ZH;
        for (String word : TextNormalizer.clean(text).split(" ")) {
            if (word.length() >= 2 && word.chars().allMatch(KeywordParser::isLatin) && !NOT_ENGLISH.contains(word)) {
                return Lang.EN;
            }
        }
        return null;
    }

    private static Query query(Intent intent, String terms, Lang lang, String sender) {
        // A null lang lets the farmer's profile (or the hub default) decide: "TD", "?", "12345".
        return new Query(intent, terms, lang, Channel.SMS, sender, null, 1);
    }

    /** Full-width to half-width, and no leading punctuation ("【价格】玉米", "#JG 玉米"). */
    private static String strip(String text) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).strip();
        int start = 0;
        while (start < s.length() && !Character.isLetterOrDigit(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        return s.substring(start);
    }

    /** What follows the keyword, without the separators after it; "订阅价格玉米" gets its topic split off. */
    private static String terms(Intent intent, String rest) {
        String t = strip(rest);
        if (intent == Intent.SUBSCRIBE) {
            for (String topic : HAN_ORDER) {
                if (t.startsWith(topic) && t.length() > topic.length()) {
                    return topic + " " + strip(t.substring(topic.length()));
                }
            }
        }
        return t;
    }

    private static int latinRunEnd(String s) {
        int i = 0;
        while (i < s.length() && isLatin(s.charAt(i))) i++;
        return i;
    }

    private static boolean isLatin(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static Intent typoOf(String word) {
        for (Map.Entry<String, Intent> e : LATIN.entrySet()) {
            if (isTypo(word, e.getKey())) return e.getValue();
        }
        return null;
    }

    private static boolean isTypoOf(String word, Set<String> keywords) {
        return keywords.stream().anyMatch(k -> isTypo(word, k));
    }

    /**
     * One slip on a keyword of 4+ letters, keeping its first letter. On 4-letter keywords only a
     * swap or an extra letter counts: a substitution or a drop makes real words ("hemp", "rice").
     */
    static boolean isTypo(String word, String keyword) {
        if (keyword.length() < 4 || word.isEmpty() || word.charAt(0) != keyword.charAt(0)) return false;
        if (!word.chars().allMatch(KeywordParser::isLatin) || word.equals(keyword)) return false;
        if (EditDistance.between(word, keyword) != 1) return false;
        if (keyword.length() > 4) return word.length() >= 4;
        return word.length() > keyword.length()
                || (word.length() == keyword.length() && sameLetters(word, keyword));
    }

    private static boolean sameLetters(String a, String b) {
        char[] x = a.toCharArray();
        char[] y = b.toCharArray();
        Arrays.sort(x);
        Arrays.sort(y);
        return Arrays.equals(x, y);
    }
}
