package org.sandian.content.names;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.sandian.content.memo.Memo;

/**
 * Finds things by the names farmers use: exact names and synonyms in any language, pinyin (full
 * and initials, also for homophone typos such as 玉咪), then edit distance. Built once per content
 * snapshot; lookups never touch the store. Resolutions are remembered per index (so until the next
 * snapshot): farmers send the same words and the same typos over and over, and a guess by edit
 * distance compares the input with every name.
 */
public final class NameIndex<T> {

    /** Inputs whose resolution is remembered, at most. */
    private static final int REMEMBERED = 10_000;

    private final Map<String, Set<T>> names = new HashMap<>();
    private final Map<String, Set<T>> pinyin = new HashMap<>();
    private final Map<String, Set<T>> initials = new HashMap<>();
    private final Map<String, Set<T>> latin = new HashMap<>();
    private final int longestName;
    /** What a guess by edit distance compares with, in the maps' order: Chinese names; Latin names and pinyin. */
    private final List<Map.Entry<String, Set<T>>> hanNames;
    private final List<Map.Entry<String, Set<T>>> latinNames;
    private final Memo<String, Resolution<T>> resolved = new Memo<>(REMEMBERED);

    /** {@code namesOf} gives every name of an item: Chinese, English, synonyms, dialect names. */
    public NameIndex(Iterable<T> items, Function<T, List<String>> namesOf) {
        int longest = 0;
        for (T item : items) {
            for (String name : namesOf.apply(item)) {
                String folded = TextNormalizer.fold(name);
                if (folded.isEmpty()) continue;
                longest = Math.max(longest, folded.length());
                add(names, folded, item);
                if (TextNormalizer.hasHan(folded)) {
                    Pinyin.full(folded).forEach(p -> add(pinyin, p, item));
                    Pinyin.initials(folded).forEach(p -> add(initials, p, item));
                }
            }
        }
        this.longestName = longest;
        // Latin typos are matched against names and full pinyin together ("maiz", "yumu").
        for (Map<String, Set<T>> source : List.of(names, pinyin)) {
            source.forEach((k, v) -> {
                if (!TextNormalizer.hasHan(k)) v.forEach(item -> add(latin, k, item));
            });
        }
        this.hanNames = names.entrySet().stream().filter(e -> TextNormalizer.hasHan(e.getKey())).toList();
        this.latinNames = latin.entrySet().stream().filter(e -> !TextNormalizer.hasHan(e.getKey())).toList();
    }

    private static <T> void add(Map<String, Set<T>> map, String key, T item) {
        map.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(item);
    }

    public Resolution<T> resolve(String input) {
        return input == null ? resolveNow(null) : resolved.get(input, this::resolveNow);
    }

    private Resolution<T> resolveNow(String input) {
        String folded = TextNormalizer.fold(input);
        if (folded.isEmpty()) return new Resolution.Unknown<>(null);
        Resolution<T> r = lookup(names, folded, Resolution.How.EXACT);
        if (r != null) return r;
        r = lookup(pinyin, folded, Resolution.How.PINYIN);
        if (r != null) return r;
        if (TextNormalizer.hasHan(folded)) {
            for (String spelled : Pinyin.full(folded)) {
                r = lookup(pinyin, spelled, Resolution.How.PINYIN);
                if (r != null) return r;
            }
        } else {
            r = lookup(initials, folded, Resolution.How.INITIALS);
            if (r != null) return r;
        }
        return fuzzy(folded);
    }

    /**
     * For words run together ("玉米武汉"): the longest known name at the start of {@code folded},
     * or null. Only exact names count here: a guess must not swallow the next word.
     */
    public Prefix<T> longestPrefix(String folded) {
        for (int end = Math.min(folded.length(), longestName); end > 0; end--) {
            Set<T> found = names.get(folded.substring(0, end));
            if (found != null && found.size() == 1) {
                return new Prefix<>(found.iterator().next(), end);
            }
        }
        return null;
    }

    /** A name found at the start of a text, and how many chars of it the name took. */
    public record Prefix<T>(T item, int length) {
    }

    private Resolution<T> lookup(Map<String, Set<T>> map, String key, Resolution.How how) {
        Set<T> found = map.get(key);
        if (found == null || found.isEmpty()) return null;
        if (found.size() == 1) return new Resolution.Found<>(found.iterator().next(), how);
        return new Resolution.Ambiguous<>(List.copyOf(found), how);
    }

    private Resolution<T> fuzzy(String folded) {
        boolean han = TextNormalizer.hasHan(folded);
        int best = Integer.MAX_VALUE;
        int bestRank = Integer.MAX_VALUE;
        Set<T> nearest = new LinkedHashSet<>();
        for (Map.Entry<String, Set<T>> e : han ? hanNames : latinNames) {
            if (Math.abs(e.getKey().length() - folded.length()) > 2) continue;
            int d = EditDistance.between(folded, e.getKey());
            int rank = tieRank(folded, e.getKey());
            if (d < best || (d == best && rank < bestRank)) {
                best = d;
                bestRank = rank;
                nearest.clear();
            }
            if (d == best && rank == bestRank) nearest.addAll(e.getValue());
        }
        if (nearest.isEmpty()) return new Resolution.Unknown<>(null);
        if (best <= EditDistance.tolerance(folded)) {
            return nearest.size() == 1
                    ? new Resolution.Found<>(nearest.iterator().next(), Resolution.How.FUZZY)
                    : new Resolution.Ambiguous<>(List.copyOf(nearest), Resolution.How.FUZZY);
        }
        int length = folded.codePointCount(0, folded.length());
        // A suggestion must be mostly the input: 苹果 is not "nearly" 肉牛, nor banana canola (油菜籽).
        boolean near = best < length && best <= Math.max(1, length / 3);
        return new Resolution.Unknown<>(near ? nearest.iterator().next() : null);
    }

    /**
     * Breaks a tie of edit distance, lower first: the key that starts like the input wins (people
     * get the start of a word right: "maiz" is maize, not mai 麦), then a written name over a pinyin
     * spelling derived from one ("maiz" is maize, not maizi 麦子).
     */
    private int tieRank(String input, String key) {
        int prefix = 0;
        while (prefix < Math.min(input.length(), key.length()) && input.charAt(prefix) == key.charAt(prefix)) prefix++;
        return -2 * prefix + (names.containsKey(key) ? 0 : 1);
    }
}
