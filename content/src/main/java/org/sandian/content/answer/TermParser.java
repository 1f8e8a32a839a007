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

    private TermParser() {
    }

    static Parsed parse(ContentSnapshot snapshot, String terms) {
        NameIndex<Commodity> names = snapshot.commodityNames();
        String clean = TextNormalizer.clean(terms);
        if (clean.isEmpty()) return new Parsed(new Resolution.Unknown<>(null), "");
        List<String> words = new ArrayList<>(Arrays.asList(clean.split(" ")));

        // A word that is exactly a commodity's name, wherever it stands.
        for (int i = 0; i < words.size(); i++) {
            Resolution<Commodity> r = names.resolve(words.get(i));
            if (r instanceof Resolution.Found<Commodity> f && f.how() != Resolution.How.FUZZY) {
                return new Parsed(r, without(words, i));
            }
        }
        // Words run together: a known name at the start, the rest after it.
        String first = TextNormalizer.fold(words.get(0));
        NameIndex.Prefix<Commodity> prefix = names.longestPrefix(first);
        if (prefix != null && prefix.length() < first.length()) {
            words.set(0, first.substring(prefix.length()));
            return new Parsed(new Resolution.Found<>(prefix.item(), Resolution.How.EXACT), String.join(" ", words));
        }
        // Otherwise the first word, however loosely it matches (typo, ambiguity, nothing).
        Resolution<Commodity> loose = names.resolve(words.get(0));
        if (loose instanceof Resolution.Unknown<Commodity> && words.size() > 1) {
            Resolution<Commodity> whole = names.resolve(clean);
            if (!(whole instanceof Resolution.Unknown<Commodity>)) return new Parsed(whole, "");
        }
        return new Parsed(loose, without(words, 0));
    }

    private static String without(List<String> words, int index) {
        List<String> rest = new ArrayList<>(words);
        rest.remove(index);
        return String.join(" ", rest);
    }
}
