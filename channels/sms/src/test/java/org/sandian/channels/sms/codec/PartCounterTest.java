package org.sandian.channels.sms.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Counting a text as it grows gives what splitting it whole gives, at every boundary of the rules. */
class PartCounterTest {

    @Test
    void countingOnFromACopyLeavesTheCopiedPageAsItWas() {
        PartCounter page = new PartCounter().append("a".repeat(150));
        PartCounter withHint = new PartCounter(page).append('\n').append("Reply MORE for next page");
        assertEquals(2, withHint.parts());
        assertEquals(1, page.parts());
        assertEquals(1, page.append("a".repeat(10)).parts(), "160 septets still fit one message");
        assertEquals(2, page.append('a').parts());
    }

    @Test
    void oneCharOutsideGsm7TurnsTheCountToUcs2() {
        PartCounter text = new PartCounter().append("PRICE MAIZE ".repeat(6)); // 72 GSM-7 chars: one part
        assertTrue(text.gsm());
        assertEquals(1, text.parts());
        text.append('玉');
        assertFalse(text.gsm());
        assertEquals(2, text.parts(), "73 UCS-2 chars need two parts");
    }

    @Test
    void partsCountedPieceByPieceMatchTheSplitWholeAtEveryLength() {
        List<String> pieces = List.of("a", "€", "玉", "😀", "\n回复\"更多\"看下一页", "\nReply MORE for next page");
        for (String first : pieces) {
            for (String then : pieces) {
                StringBuilder text = new StringBuilder();
                PartCounter counter = new PartCounter();
                for (int i = 0; i < 200; i++) {
                    String piece = i % 7 == 6 ? then : first;
                    text.append(piece);
                    counter.append(piece);
                    String whole = text.toString();
                    List<MtPart> parts = MtSplitter.split(whole, 1, Integer.MAX_VALUE);
                    assertEquals(parts.size(), counter.parts(), whole);
                    assertEquals(parts.size(), MtSplitter.partsNeeded(whole), whole);
                    assertGreedyWithinLimits(whole, parts);
                }
            }
        }
    }

    /** Each part as full as the rules allow, none over them, no pair cut, nothing lost. */
    private static void assertGreedyWithinLimits(String whole, List<MtPart> parts) {
        boolean gsm = Gsm7.canEncode(whole);
        assertEquals(whole, parts.stream().map(MtPart::text).reduce("", String::concat));
        if (parts.size() == 1) return;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i).text();
            if (gsm) {
                int septets = part.chars().map(c -> Gsm7.septets((char) c)).sum();
                assertTrue(septets <= MtSplitter.GSM_PART, part);
                if (i + 1 < parts.size()) {
                    assertTrue(septets + Gsm7.septets(parts.get(i + 1).text().charAt(0)) > MtSplitter.GSM_PART, part);
                }
            } else {
                assertTrue(part.length() <= MtSplitter.UCS2_PART, part);
                assertFalse(Character.isHighSurrogate(part.charAt(part.length() - 1)) && i + 1 < parts.size(), part);
                if (i + 1 < parts.size()) {
                    assertTrue(part.length() == MtSplitter.UCS2_PART || Character.isHighSurrogate(parts.get(i + 1).text()
                            .charAt(0)) && part.length() == MtSplitter.UCS2_PART - 1, part);
                }
            }
        }
    }
}
