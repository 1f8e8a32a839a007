package org.sandian.channels.sms.dialogue;

import java.util.ArrayList;
import java.util.List;
import org.sandian.channels.sms.codec.MtSplitter;
import org.sandian.channels.sms.codec.PartCounter;
import org.sandian.content.memo.Memo;

/**
 * Cuts a rendered answer into SMS pages of at most {@code maxParts} concatenated parts each
 * (2 parts: 134 UCS-2 or 306 GSM-7 characters), at line boundaries, each page but the last ending
 * with the MORE hint. A line too long for one page is cut after a sentence mark or a space.
 * Encoding and part counts are the transport's ({@link MtSplitter}, {@link PartCounter}): one home
 * for them. A page is counted as it grows, line by line, not re-split whole for every line; and the
 * pages of a text are remembered, since the renderer gives the same text for the same answer.
 */
public final class Pager {

    /** Where a long line may be cut, best first: end of sentence, then clause, then a space. */
    private static final String SENTENCE_ENDS = "。！？!?；;";
    private static final String CLAUSE_ENDS = "，,、：:";

    private final int maxParts;
    private final Memo<Paged, List<String>> paged = new Memo<>(2_000);

    public Pager(int maxParts) {
        if (maxParts < 1) throw new IllegalArgumentException("maxParts must be at least 1");
        this.maxParts = maxParts;
    }

    public boolean fits(String text) {
        return MtSplitter.partsNeeded(text) <= maxParts;
    }

    /** True when the text counted so far, then a line break and {@code hint}, fits on a page. */
    private boolean fitsWithHint(PartCounter text, String hint) {
        return text.append('\n').append(hint).parts() <= maxParts;
    }

    /** The pages of {@code text}; one page when it fits. {@code hint} is appended on its own line. */
    public List<String> pages(String text, String hint) {
        return paged.get(new Paged(text, hint), p -> List.copyOf(cut(p.text(), p.hint())));
    }

    private List<String> cut(String text, String hint) {
        List<String> pages = new ArrayList<>();
        String rest = text.strip();
        while (!fits(rest)) {
            String page = firstPage(rest, hint);
            pages.add(page + "\n" + hint);
            rest = rest.substring(page.length()).strip();
        }
        if (!rest.isEmpty() || pages.isEmpty()) pages.add(rest);
        return pages;
    }

    /** The longest prefix of {@code text} ending at a line boundary that fits with the hint. */
    private String firstPage(String text, String hint) {
        PartCounter page = new PartCounter();
        int counted = 0;
        int end = -1;
        for (int nl = text.indexOf('\n'); nl > 0; nl = text.indexOf('\n', nl + 1)) {
            page.append(text, counted, nl);
            counted = nl;
            if (!fitsWithHint(new PartCounter(page), hint)) break;
            end = nl;
        }
        if (end > 0) return text.substring(0, end);
        return cutLine(text, hint);
    }

    /** The first line does not fit alone: cut it at the last good mark that fits, else anywhere. */
    private String cutLine(String text, String hint) {
        int lineEnd = text.indexOf('\n');
        String line = lineEnd < 0 ? text : text.substring(0, lineEnd);
        int longest = longestFitting(line, hint);
        for (String marks : List.of(SENTENCE_ENDS, CLAUSE_ENDS, " ")) {
            for (int i = longest; i > longest / 2; i--) {
                if (marks.indexOf(line.charAt(i - 1)) >= 0) return line.substring(0, i);
            }
        }
        return line.substring(0, longest);
    }

    /** How many chars of {@code line} fit on a page with the hint (at least 1; no cut surrogate). */
    private int longestFitting(String line, String hint) {
        int low = 1;
        int high = line.length();
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (fitsWithHint(new PartCounter().append(line, 0, mid), hint)) low = mid;
            else high = mid - 1;
        }
        if (low < line.length() && Character.isHighSurrogate(line.charAt(low - 1)) && low > 1) low--;
        return low;
    }

    private record Paged(String text, String hint) {
    }
}
