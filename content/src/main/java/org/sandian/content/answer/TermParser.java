package org.sandian.content.answer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sandian.content.model.Commodity;
import org.sandian.content.names.NameIndex;
import org.sandian.content.names.Resolution;
import org.sandian.content.names.TextNormalizer;
import org.sandian.content.snapshot.ContentSnapshot;

/**
 * Splits the words after a keyword into a commodity and the rest ("玉米 武汉", "maize wuhan",
 * "wuhan maize", or run together "玉米武汉"), resolving the commodity by every kind of name.
 */
final class TermParser {

    /** The commodity as resolved, and the remaining words (a place, a topic), possibly empty. */
    record Parsed(Resolution<Commodity> commodity, String rest) {
    }

    /** The most words a commodity's name has ("chilli pepper", "sweet potatoes"). */
    private static final int MAX_NAME_WORDS = 3;

    private TermParser() {
    }

    static Parsed parse(ContentSnapshot snapshot, String terms) {
        NameIndex<Commodity> names = snapshot.commodityNames();
        String clean = TextNormalizer.clean(terms);
        if (clean.isEmpty()) return new Parsed(new Resolution.Unknown<>(null), "");
        List<String> words = new ArrayList<>(Arrays.asList(clean.split(" ")));

        // Words that are exactly a commodity's name, wherever they stand. Runs of several words
        // first: "sweet potato" is not potato, and "live pig wuhan" leaves "wuhan" for the place.
        for (int n = Math.min(words.size(), MAX_NAME_WORDS); n >= 1; n--) {
            for (int i = 0; i + n <= words.size(); i++) {
                Resolution<Commodity> r = names.resolve(String.join(" ", words.subList(i, i + n)));
                if (r instanceof Resolution.Found<Commodity> f && f.how() != Resolution.How.FUZZY) {
                    return new Parsed(r, without(words, i, n));
                }
            }
        }
        // Words run together: a known name at the start, the rest after it.
        String first = TextNormalizer.fold(words.get(0));
        NameIndex.Prefix<Commodity> prefix = names.longestPrefix(first);
        if (prefix != null && prefix.length() < first.length()) {
            words.set(0, first.substring(prefix.length()));
            return new Parsed(new Resolution.Found<>(prefix.item(), Resolution.How.EXACT), String.join(" ", words));
        }
        // Otherwise the first word that matches loosely (a typo, an ambiguity), wherever it
        // stands ("wuhan maiz"); with none, the first word's nearest name is the suggestion.
        Resolution<Commodity> loose = names.resolve(words.get(0));
        for (int i = 1; i < words.size() && loose instanceof Resolution.Unknown<Commodity>; i++) {
            Resolution<Commodity> r = names.resolve(words.get(i));
            if (!(r instanceof Resolution.Unknown<Commodity>)) return new Parsed(r, without(words, i, 1));
        }
        if (loose instanceof Resolution.Unknown<Commodity> && words.size() > 1) {
            Resolution<Commodity> whole = names.resolve(clean);
            if (!(whole instanceof Resolution.Unknown<Commodity>)) return new Parsed(whole, "");
        }
        // Still nothing: a place run together before the name ("武汉玉米").
        if (loose instanceof Resolution.Unknown<Commodity>) {
            for (int start = 1; start < first.length(); start++) {
                NameIndex.Prefix<Commodity> inside = names.longestPrefix(first.substring(start));
                if (inside != null) {
                    int end = start + inside.length();
                    words.set(0, (first.substring(0, start) + " " + first.substring(end)).strip());
                    return new Parsed(new Resolution.Found<>(inside.item(), Resolution.How.EXACT), String.join(" ", words));
                }
            }
        }
        return new Parsed(loose, without(words, 0, 1));
    }

    /** The words without the {@code count} starting at {@code index}. */
    private static String without(List<String> words, int index, int count) {
        List<String> rest = new ArrayList<>(words);
        rest.subList(index, index + count).clear();
        return String.join(" ", rest);
    }
}
